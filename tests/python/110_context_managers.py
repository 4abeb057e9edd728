# with: __enter__/__exit__, the value bound by as, exception info, suppression, nesting order
class Managed:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print(f"enter {self.name}")
        return f"<{self.name} resource>"

    def __exit__(self, exc_type, exc, tb):
        kind = exc_type.__name__ if exc_type else None
        print(f"exit {self.name}: {kind} {exc!r}")
        return self.suppress

with Managed("A") as res:
    print("inside with", res)
with Managed("outer"), Managed("inner") as r2:
    print("nested body", r2)
with Managed("quiet", suppress=True):
    raise ValueError("swallowed")
print("after suppressed error")
try:
    with Managed("loud"):
        raise KeyError("escapes")
except KeyError as e:
    print("caught outside:", repr(e))
def early_return():
    with Managed("ret"):
        return "returned from inside with"
print(early_return())
for i in range(2):
    with Managed(f"loop{i}"):
        if i == 0:
            continue
        print("loop body", i)
class Timer:
    def __enter__(self):
        self.entered = True
        return self
    def __exit__(self, *args):
        self.args = args
        return False
with Timer() as t:
    pass
print(t.entered, t.args)
