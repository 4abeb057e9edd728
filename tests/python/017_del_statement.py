# del of names, list items, dict keys, attributes; NameError after del
x = 10
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
lst = [0, 1, 2, 3, 4]
del lst[0]
del lst[-1]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zzz"]
except KeyError as e:
    print("KeyError:", e)
class Thing:
    pass
t = Thing()
t.color = "red"
t.size = 3
del t.color
print(hasattr(t, "color"), hasattr(t, "size"))
try:
    del t.color
except AttributeError as e:
    print("AttributeError:", e)
a, b = 1, 2
del a, b
try:
    print(a)
except NameError as e:
    print("NameError:", e)
