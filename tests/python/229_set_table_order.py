# Sets print and iterate in CPython's hash-table order: displays of constants, add one by one,
# growing past resizes, removals leaving dummies, set algebra and tuples as keys.
a = {31, 7, 100, 2, 64, 9, 15}
print(a)
b = set()
for n in [31, 7, 100, 2, 64, 9, 15, 1000, 33, 65, 97]:
    b.add(n)
print(b)
for n in [7, 64, 1000]:
    b.discard(n)
b.add(129)
print(b, len(b))
print(a | b, a & b, a - b, b - a, a ^ b)
c = set(range(40, 0, -3))
print(c)
print(sorted(c) == sorted(list(c)), list(c)[:5])
t = {(3, 1), (1, 2), (5, 5), (2, 9), (0, 0)}
print(t)
u = set()
for p in [(3, 1), (1, 2), (5, 5), (2, 9), (0, 0)]:
    u.add(p)
print(u)
print([x for x in {8, 3, 200, 17, 5}])
f = frozenset([10, 20, 30, 40, 50, 60, 70, 80, 90])
print(f, hash(f) == hash(frozenset(reversed(list(f)))))
g = {-1, -2, 0, 1, 2, -100}
print(g)
d = {n: n * n for n in {5, 3, 99, 1}}
print(d)
x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
while x:
    print(x.pop(), end=" ")
print()
print({True, 1, 1.0, 2.0, 2})
