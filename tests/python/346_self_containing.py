# Containers that hold themselves: reprs print the inner reference as [...], {...}, (...)
# (deque as [...], OrderedDict and ChainMap as ...), and == between such containers finishes,
# the same object inside counting as equal without a comparison.
from collections import ChainMap, OrderedDict, defaultdict, deque

d = {}
d['x'] = d
print(d, repr(d), str(d), d == d, d == {'x': d})
print(d.keys(), d.values(), d.items())
l = [1]
l.append(l)
print(l, l == l, l == [1, l], f'{l}', '%s' % (l,), format(l), str([l]))
t = ([],)
t[0].append(t)
print(t, t == t)
s = {}
s['a'] = [s]
print(s, s == s)

q = deque()
q.append([q])
print(q, q == q)
q2 = deque([1], maxlen=3)
q2.append(q2)
print(q2, q2 == q2)
q3 = deque()
q3.append(q3)
print(repr(q3), str([q3]))

dd = defaultdict(list)
dd['k'] = dd
print(dd, dd == dd)
od = OrderedDict(a=1)
od['self'] = od
print(od, od == od)
cm = ChainMap({})
cm.maps[0]['me'] = cm
print(cm)


class Node:
    def __init__(self):
        self.children = [self]

    def __repr__(self):
        return 'Node' + repr(self.children)


print(Node())
