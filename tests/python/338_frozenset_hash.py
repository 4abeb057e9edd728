# A frozenset's hash is the same every time and matches an equal frozenset's, however it was
# built; a set made from it, changed, and frozen again hashes by its new items.
big = frozenset(range(3000))
table = {}
for i in range(20000):
    table[big] = i
print(len(table), table[frozenset(range(3000))])

a = frozenset([1, 2, 3])
b = frozenset((3, 2, 1))
print(hash(a) == hash(b), hash(a) == hash(a), a == b)
s = set(a)
s.add(4)
c = frozenset(s)
print(c, hash(c) == hash(frozenset([1, 2, 3, 4])), hash(c) != hash(a))
print(hash(frozenset()), hash(frozenset()) == hash(frozenset([])))
print(hash(frozenset([1, 2, 3])), hash(frozenset([frozenset([1]), 2])))
print({a: 'a', b: 'b'}, a | {9}, hash(a | {9}) == hash(frozenset([1, 2, 3, 9])))
d = {frozenset([i, i + 1]): i for i in range(5)}
print(d[frozenset([4, 3])], frozenset([0, 1]) in d, frozenset([0, 2]) in d)
