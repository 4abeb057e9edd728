# A class's own __setattr__ stores through object.__setattr__, as tutorials write it; the
# methods every class gets from object can be read from the class too.
class Tracked:
    def __init__(self, name):
        self.name = name
        self.changes = 0

    def __setattr__(self, key, value):
        if key != "changes":
            print(f"set {key} = {value!r}")
            object.__setattr__(self, "changes", getattr(self, "changes", -1) + 1)
        object.__setattr__(self, key, value)


t = Tracked("a")
t.name = "b"
t.size = 3
print(t.name, t.size, t.changes)


class Plain:
    pass


p = Plain()
object.__setattr__(p, "x", 1)
print(p.x, getattr(p, "x"))
print(callable(object.__setattr__), hasattr(Plain, "__init__"), hasattr(Plain, "nope"))
try:
    Plain.nope
except AttributeError as e:
    print("AttributeError:", e)
