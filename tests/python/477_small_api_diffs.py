# Small differences the review found: collections.UserDict (a subclass's __setitem__ sees
# every insertion), object().__dict__, setattr/getattr with a non-str name, [*None] and
# {*5}, and the RecursionError of a __repr__ that calls repr(self).
import collections
from collections import UserDict


class Upper(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.upper(), value)


d = Upper({"a": 1}, b=2)
d.update(c=3)
d.setdefault("e", 5)
print(d, len(d), "A" in d, "a" in d, d.get("B"), d.get("z", 0), sorted(d))
print(d == {"A": 1, "B": 2, "C": 3, "E": 5}, d == UserDict(d), d != {})
c = d.copy()
c["x"] = 9
print(type(c).__name__, c, d.data)
print(UserDict(a=1) | {"b": 2}, {"z": 0} | UserDict(a=1), UserDict.fromkeys("ab", 0))
del d["A"]
print(d.pop("B"), d.popitem(), list(d.items()), list(d.keys()), list(d.values()))


class Defaulting(UserDict):
    def __missing__(self, key):
        return f"no {key}"


print(Defaulting()["k"])
try:
    UserDict()["k"]
except KeyError as e:
    print("KeyError", e)

for t in (lambda: object().__dict__, lambda: setattr(1, 2, 3), lambda: getattr(1, 2),
          lambda: hasattr(1, None), lambda: delattr(1, 2.5), lambda: [*None], lambda: {*5},
          lambda: (*None,), lambda: [*range(3), *"ab"]):
    try:
        print("OK", t())
    except Exception as e:
        print(type(e).__name__ + ":", e)


class R:
    def __repr__(self):
        return repr(self)


try:
    print(R())
except RecursionError as e:
    print("repr recursion:", e)
