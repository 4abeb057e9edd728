# list.index, tuple.index and str.find/index/count/rfind take start and stop past the
# machine-int range (clamped, as CPython does), and slices take such bounds too; a bound
# that is no int is a TypeError naming slice indices.
from collections import deque

t = (1, 2, 3, 2)
for seq in (t, list(t)):
    for args in [(2, 10**30), (2, -10**30), (2, 0, 10**30), (2, 0, -10**30),
                 (2, -10**30, 10**30), (2, 2**63), (2, -2**63), (2, 2**63 - 1),
                 (2, -2**63 - 1), (2, 1, 2**64), (2, 3, -1), (2, -1), (2, True),
                 (2, 1.0), (2, None), (2, 0, None), (2, 2, 'x')]:
        try:
            print(type(seq).__name__, args, seq.index(*args))
        except Exception as e:
            print(type(seq).__name__, args, type(e).__name__, e)

s = 'abcb'
for args in [('b', 10**30), ('b', -10**30), ('b', 0, 10**30), ('b', -10**30, -2),
             ('b', None, None), ('b', 1.5)]:
    for m in ('index', 'find', 'count', 'rfind', 'startswith', 'endswith'):
        try:
            print(m, args, getattr(s, m)(*args))
        except Exception as e:
            print(m, args, type(e).__name__, e)


class Big:
    def __index__(self):
        return -10**30


print([1, 2, 3][Big():], s.find('b', Big()), t.index(2, Big(), 10**20))
print([1, 2, 3][10**30:], [1, 2, 3][-10**30:2], 'abc'[:10**40], (1, 2)[::10**30])
print([1, 2, 3][::-10**30], [1, 2, 3][10**30:-10**30:-1], 'abc'[::-2**63])
d = deque([1, 2, 3, 2])
for args in [(2, -2), (2, 1, 3), (2, 0, -1)]:
    print(d.index(*args))
