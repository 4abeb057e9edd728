# Methods that read an iterable while changing a container: set.update draws a generator that reads the set (it aborted the engine), dict.update inserts pair by pair (the ones before a bad pair stay), set's *_update methods; unbound methods called without their object raise TypeError (int.bit_length() aborted the engine)
s = {1}
def gen(c):
    yield len(c)
    yield 99
try:
    s.update(gen(s)); print(sorted(s))
except Exception as e: print(type(e).__name__, e)
l = [1]
l.extend(gen(l)); print(l)
d = {}
d.update((k, len(d)) for k in "ab"); print(d)
s2 = {5}
s2 |= set(gen(s2)); print(sorted(s2))
s3 = {1}
s3.intersection_update(gen(s3)); print(s3)
s4 = {1, 2}
s4.difference_update(gen(s4)); print(s4)
s5 = {1}
s5.symmetric_difference_update(gen(s5)); print(s5)
l2 = [3, 1]
l2.sort(key=lambda x: len(l2)); print(l2)
d2 = {'a': 1}
print(d2.setdefault('b', len(d2)), d2)
print(int.bit_length(5), set.union({1}, {2}))
for f in (lambda: int.bit_length(), lambda: set.copy(), lambda: set.union(), lambda: float.is_integer(), lambda: set.isdisjoint()):
    try: f()
    except TypeError as e: print("TypeError")
s = {1, 2, 3, 4}
s.intersection_update([2, 3, 4, 9], {3, 4, 5}); print(s)
s.difference_update([4], range(0)); print(s)
s.symmetric_difference_update([3, 7, 8]); print(s)
s.symmetric_difference_update(s); print(s)
t = {1, 2}
t.intersection_update(); print(t)
d = {'a': 1}
try:
    d.update([('b', 2), ('c',)])
except ValueError as e:
    print(e, d)
d |= [('z', 26)]
d.update(x=1)
print(d)
try:
    frozenset().intersection_update({1})
except AttributeError as e:
    print(e)
