# sets and frozensets of small ints (CPython's order is deterministic for these): operations
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union([7]), a.intersection(b, {4}), a.issubset({1, 2, 3, 4, 5}), {1}.issuperset(set()))
print(a.isdisjoint({9}), 3 in a, len(a | b))
s = set()
print(s, len(s))
s.add(5)
s.add(5)
s.update([1, 2], (3,))
print(s)
s.discard(99)
s.remove(1)
print(s)
try:
    s.remove(99)
except KeyError as e:
    print("KeyError:", e)
fs = frozenset([3, 1, 2, 1])
print(fs, len(fs), fs | {9}, {fs: "frozen as key"}[frozenset({1, 2, 3})])
print({x % 5 for x in range(20)}, set(range(5)), sorted({-1, 5, 2, -7}))
print({1, 2} == {2, 1}, {1, 2} < {1, 2, 3}, set([1, 1, 1]))
print(s.pop() in {2, 3, 5}, len(s))
