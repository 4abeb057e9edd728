# A method is found before its arguments are evaluated (CPython's LOAD_METHOD); frozensets lack the set's mutators; native objects' __iter__/__next__/__len__; dict/set/list in-place and binary special methods; dict |= pairs
def loud(x):
    print("evaluated", x)
    return x
class C:
    def m(self, a, *, k=0):
        return a + k
c = C()
for f in (lambda: [].apend(loud(1)), lambda: "s".uper(loud(2)), lambda: c.missing(loud(3)), lambda: c.m(loud(4), k=1),
          lambda: frozenset({1}).add(loud(5)), lambda: frozenset({1}).pop(), lambda: {1: 2}.pop(loud(6)), lambda: (5).real(),
          lambda: "abc".maketrans("a", "b"), lambda: [1, 2].index(loud(2)), lambda: print.nope(loud(7))):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
s = set()
s.add(1)
print(s, frozenset({2}).union({3}), hasattr(frozenset(), "add"), hasattr(set(), "add"))
d = {'a': 1, 'b': 2}
g = (x * 2 for x in range(3))
print(hasattr(d.keys(), '__iter__'), hasattr(d.items(), '__len__'), hasattr(g, '__next__'), hasattr(range(3), '__iter__'), hasattr(range(3), '__next__'))
print(g.__next__(), next(g), g.__next__())
try:
    g.__next__()
except StopIteration:
    print("stop")
it = iter([1, 2])
print(it.__next__(), list(d.values().__iter__()), d.keys().__len__(), range(5).__len__(), hasattr(enumerate([]), '__next__'))
print(hasattr(len, '__iter__'), hasattr(zip(), '__iter__'), type(iter('ab').__iter__()).__name__)
for t, f in [("{'a': 1}.__or__({'b': 2})", lambda: {'a': 1}.__or__({'b': 2})), ("{'a': 1}.__or__([('b', 2)])", lambda: {'a': 1}.__or__([('b', 2)])),
             ("{1}.__or__({2})", lambda: {1}.__or__({2})), ("{1}.__and__([1])", lambda: {1}.__and__([1])), ("{1, 2}.__sub__(frozenset({1}))", lambda: {1, 2}.__sub__(frozenset({1}))),
             ("frozenset({1}).__xor__({2})", lambda: frozenset({1}).__xor__({2})), ("{1}.__rsub__({1, 3})", lambda: {1}.__rsub__({1, 3}))]:
    try:
        print(t, repr(f()))
    except Exception as e:
        print(t, type(e).__name__, e)
x = [1]
r = x.__iadd__((2, 3))
print(r, x, r is x, x.__imul__(2), x)
d = {'a': 1}
print(d.__ior__([('z', 0)]), d)
s = {1}
print(s.__ior__({5}), s)
d={'a':1}
try:
    d |= 5
except TypeError as e: print(e)
try:
    d |= [1]
except Exception as e: print(type(e).__name__, e)
