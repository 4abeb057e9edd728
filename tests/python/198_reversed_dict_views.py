# reversed() of a dict and of its keys/values/items views: the last key first, each iterator
# of CPython's type (dict_reversekeyiterator, dict_reversevalueiterator, ...).
d = {"a": 1, "b": 2, "c": 3}
for label, it in [
    ("dict", reversed(d)),
    ("keys", reversed(d.keys())),
    ("values", reversed(d.values())),
    ("items", reversed(d.items())),
    ("iter dict", iter(d)),
    ("iter values", iter(d.values())),
    ("iter items", iter(d.items())),
    ("list", reversed([1, 2])),
    ("tuple", reversed((1, 2))),
    ("str", reversed("ab")),
    ("range", reversed(range(3))),
]:
    print(label, type(it).__name__, list(it))

r = reversed(d)
print(next(r), next(r), next(r), next(r, "end"))
print(list(reversed({})), list(reversed({}.items())))
print(dict(reversed(d.items())))
print([k for k in reversed(d.keys()) if k != "b"])
try:
    reversed(d.keys)
except TypeError as e:
    print("TypeError", e)
