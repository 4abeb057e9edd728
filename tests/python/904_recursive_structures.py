# self-referencing containers print with ... instead of recursing forever
a = [1, 2]
a.append(a)
print(a, len(a), a[2] is a, a[2][2][0])
d = {"name": "loop"}
d["me"] = d
print(d)
b = [a, d]
print(b)
x = []
y = [x]
x.append(y)
print(x, y)
t = ([],)
t[0].append(t)
print(t)
s = {"k": [1]}
s["k"].append(s)
print(s, str(s) == repr(s))
print(a == a)
