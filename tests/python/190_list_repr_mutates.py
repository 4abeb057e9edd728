# A list item whose __repr__ (or __str__) changes the list being printed: the list is read as
# it stands at each item, as CPython's list repr reads it (no copy taken up front).
L = []
class Shrinks:
    def __repr__(self):
        L.clear()
        L.append(7)
        return 'S'
class Grows:
    def __repr__(self):
        if len(L) < 5:
            L.append(len(L))
        return 'G'
L.extend([Shrinks(), Shrinks(), 1, 2])
print(L)
L[:] = [Shrinks(), 3]
print(repr(L), L)
L[:] = [Grows(), 'a']
print(f'{L}')
print(str(L), len(L))
nested = [L, L]
L[:] = [Grows()]
print(nested)
L[:] = [1, [Shrinks(), 2], 3]
print(L)
