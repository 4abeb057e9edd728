# one-element tuples, repr/str of nested containers, recursive lists and dicts
one = (1,)
not_tuple = (1)
print(one, not_tuple, type(one).__name__, type(not_tuple).__name__, len(one))
print((), tuple(), tuple("ab"), tuple([1]), ((1,),))
nested = {"list": [1, (2, 3), {"k": None}], "tuple": ("a",), "str": "x'y"}
print(nested)
print(str(nested) == repr(nested))
print([1.0, 2.50, -0.0, 1e20, 1e-7])
print([True, None, "None", ""])
a = [1, 2]
a.append(a)
print(a)
b = [a, a]
print(b)
d = {"self": None}
d["self"] = d
print(d)
outer = [[]]
outer[0].append(outer)
print(outer)
print(str("plain"), repr("plain"), [str("plain")])
print((1, "a", [2, "b"], {"c": (3,)}))
