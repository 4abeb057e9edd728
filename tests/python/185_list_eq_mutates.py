# A user __eq__, __lt__ or __index__ that changes the list being searched, sorted or indexed:
# list.remove/index/count/in walk the list as it stands at each step; insert/pop/[] take the
# index before they look at the list; a key that adds to a list being sorted is an error.
L = []
class Clears:
    def __eq__(self, other):
        L.clear()
        return True
class Grows:
    def __eq__(self, other):
        if len(L) < 6:
            L.append(0)
        return False
    def __repr__(self):
        return 'G'
L.extend([1, 2, Clears()])
L.remove(5); print(L)
L.extend([Grows(), 7])
print(7 in L, L.count(0), L)
L[:] = [Grows(), 1, 2]
print(L.index(2), L.index(0, 1), len(L))
L[:] = [Clears(), Clears(), 3]
print(5 in L, L)
L[:] = [Clears(), 4, 5]
print(L.count(4), L)
class Shrinks:
    def __index__(self):
        L.clear()
        return 2
L[:] = [1, 2, 3]
L.insert(Shrinks(), 9); print(L)
L[:] = [1, 2, 3]
for f in (lambda: L.pop(Shrinks()), lambda: L[Shrinks()]):
    L[:] = [1, 2, 3]
    try:
        print(f())
    except IndexError as e:
        print('IndexError', e, L)
L[:] = [1, 2, 3, 4]
del L[Shrinks():]
print(L)
def key(x):
    L.append(x)
    return -x
L[:] = [3, 1, 2]
try:
    L.sort(key=key)
except ValueError as e:
    print('ValueError', e, L)
L[:] = [3, 1, 2]
L.sort(key=lambda x: len(L) - x); print(L)
