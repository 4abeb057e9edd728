# del of a list slice (any step), in one pass: del a[:100_000] of a 200k list took seconds.
a = list(range(200_000))
del a[:100_000]
print(len(a), a[0], a[-1])
b = list(range(20))
del b[::3]
print(b)
c = list(range(10))
del c[8:2:-2]
print(c)
d = list(range(5))
del d[10:]
del d[-2:]
print(d)
e = [1, 2, 3]
del e[::-1]
print(e)
