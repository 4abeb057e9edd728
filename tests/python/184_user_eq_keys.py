from dataclasses import dataclass
@dataclass(frozen=True)
class P:
    x: int
    y: int
s = {P(1, 2), P(1, 2), P(2, 3)}
print(len(s), P(1, 2) in s)
s.add(P(2, 3)); print(len(s))
s.discard(P(1, 2)); print(len(s))
a = {P(1, 1), P(2, 2)}; b = {P(2, 2), P(3, 3)}
print(sorted((p.x for p in a | b)), sorted(p.x for p in a & b), sorted(p.x for p in a - b), sorted(p.x for p in a ^ b))
print(a == {P(2, 2), P(1, 1)}, a <= a | b, a.isdisjoint({P(5, 5)}), a.isdisjoint([P(1, 1)]))
a |= {P(1, 1), P(9, 9)}; print(len(a))
a -= {P(9, 9)}; print(len(a))
a.update([P(1, 1), P(4, 4)]); print(len(a))
a.difference_update([P(4, 4)]); print(len(a))
a.symmetric_difference_update({P(1, 1)}); print(len(a))
d = {P(1, 2): "a"}
d[P(1, 2)] = "b"
print(d, d[P(1, 2)], d.get(P(1, 2)), P(1, 2) in d, P(1, 2) in d.keys())
print({P(1, 2): 1} == {P(1, 2): 1}, dict.fromkeys([P(0, 0), P(0, 0)]))
print(d.pop(P(1, 2)), d)
print(d.setdefault(P(0, 0), 5), d.setdefault(P(0, 0), 6))
print({P(1, 1): 1, P(1, 1): 2}, {**{P(1, 1): 1}, P(1, 1): 3})
print(set([P(1, 1)]).intersection([P(1, 1), P(1, 1)]), set([P(1, 1)]).difference([P(1, 1)]))
print(frozenset([P(1,1)]) == frozenset([P(1,1)]), P(1,1) in frozenset([P(1,1)]))
print({(P(1, 1), 2): 1}[(P(1, 1), 2)])
class E:
    def __hash__(self): return 7
    def __eq__(self, o):
        raise ValueError("boom")
e = {E(): 1}
try:
    e[E()]
except ValueError as x:
    print("raised", x)
class N:
    def __hash__(self): return 3
    def __eq__(self, o): return NotImplemented
n = N(); print({n: 1}[n], N() in {N()})
# __eq__ that reads and changes the table being probed: CPython restarts the dict lookup.
x = {}
class Clearer:
    def __hash__(self): return 0
    def __eq__(self, o):
        print("eq sees", len(x))
        x.clear()
        return True
x[Clearer()] = 1
x[Clearer()] = 2
print(len(x), list(x.values()))
class Peeker:
    def __init__(self, n): self.n = n
    def __hash__(self): return 1
    def __eq__(self, o):
        print("peek", len(x), self.n, o.n)
        return self.n == o.n
x = {}
x[Peeker(1)] = "a"
x[Peeker(2)] = "b"
x[Peeker(1)] = "c"
print(list(x.values()), Peeker(2) in x)
