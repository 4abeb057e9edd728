# A set updated with itself, by method or operator, alone or among other arguments: the set is
# both what changes and what is read (s.update(s) read the set while it was borrowed to be
# changed, and aborted the page).
s = {1, 2, 3}
s.update(s)
print(sorted(s))
s.update({4}, s, [5], s)
print(sorted(s))
s |= s
print(sorted(s))
s &= s
print(sorted(s))
s.intersection_update(s)
print(sorted(s))
s.symmetric_difference_update(s)
print(sorted(s))

s = {1, 2, 3}
s.difference_update(s)
print(s)
s = {1, 2, 3}
s ^= s
print(s)
s = {1, 2, 3}
s -= s
print(s)

s = {1, 2}
print(s.union(s) == s, s.intersection(s) == s, s.difference(s), s.symmetric_difference(s))
print(s.issubset(s), s.issuperset(s), s.isdisjoint(s), s.isdisjoint(set()))
f = frozenset(s)
s.update(f, s)
print(sorted(s), f | f == f)


class Key:
    """A key whose __eq__ runs code: the set is changed on a copy, then swapped in."""

    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return self.n % 2

    def __eq__(self, other):
        return isinstance(other, Key) and self.n == other.n


s = {Key(1), Key(2), Key(3)}
s.update(s)
s |= s
print(sorted(k.n for k in s))
