# Deleting dict keys keeps insertion order: re-inserted keys go last, iteration, popitem,
# reversed, copies and equality see only live entries, and many deletions stay fast.
import functools

d = {k: k * 10 for k in range(10)}
del d[3]
d.pop(7)
d[3] = 'back'
print(d, len(d))
print(list(d.keys()), list(d.values())[:3], list(reversed(d)))
print(d.popitem(), d.popitem(), d)
d[None] = 'none'
del d[None]
print(None in d, d.get(None, '-'))
d[None] = 'again'
print(list(d.items())[-2:])

# Tens of thousands of deletions from the front, then the survivors in order.
big = {i: i for i in range(60000)}
for i in range(59990):
    del big[i]
print(len(big), list(big), big == {i: i for i in range(59990, 60000)})
big.update({-1: 'a', 59995: 'b'})
print(big)
c = big.copy()
del c[-1]
print(c == big, len(c), next(iter(c)), next(reversed(c)))

# Delete while iterating: the size check still fires.
e = {'a': 1, 'b': 2, 'c': 3}
try:
    for k in e:
        del e[k]
except RuntimeError as err:
    print(type(err).__name__, err, e)

# Delete and re-insert between steps: same size, iteration goes on.
f = {1: 'x', 2: 'y', 3: 'z'}
seen = []
for k in f:
    seen.append(k)
    if k == 1:
        del f[3]
        f[4] = 'w'
print(seen, f)

while f:
    print(f.popitem(), end=' ')
print(f)
try:
    f.popitem()
except KeyError as err:
    print(type(err).__name__, err)

@functools.lru_cache(maxsize=3)
def sq(n):
    return n * n

print([sq(n) for n in [1, 2, 3, 1, 4, 5, 1, 6]], sq.cache_info())
