# An exception raised by __exit__ while the with block's own exception leaves it has that one
# as its __context__, and the traceback says "During handling of the above exception".
class Closes:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        raise ValueError(f"closing {self.name} after {t.__name__ if t else None}")


for body in ["raise", "ok"]:
    try:
        with Closes(body):
            if body == "raise":
                raise KeyError("in the body")
    except ValueError as e:
        print(e, "| context:", repr(e.__context__), "| cause:", e.__cause__)


class Explains:
    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        try:
            raise OSError("inner")
        except OSError:
            raise RuntimeError("explained")


try:
    with Explains():
        raise KeyError("body")
except RuntimeError as e:
    print(e, "| context:", repr(e.__context__), "| its context:", repr(e.__context__.__context__))

with Closes("last"):
    1 / 0
