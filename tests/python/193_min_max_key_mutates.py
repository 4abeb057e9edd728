# min and max draw their argument's items one at a time, as CPython does: a key (or an item's
# comparison) that changes the list being searched is seen at the next item. Also CPython's
# error for a default given with several positional arguments.
L = [3, 1, 2]
print(min(L, key=lambda x: L.clear() or x), L)
L = [3, 1, 2]
print(max(L, key=lambda x: (L.append(x + 10) if len(L) < 6 else None) or x), L)
class Shrinks:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        L.pop()
        return self.v < other.v
    def __gt__(self, other):
        L.pop()
        return self.v > other.v
    def __repr__(self):
        return f'S{self.v}'
L = [Shrinks(5), Shrinks(2), Shrinks(9), Shrinks(1), Shrinks(0)]
print(min(L), L)
L = [Shrinks(5), Shrinks(2), Shrinks(9), Shrinks(1), Shrinks(0)]
print(max(L), L)
for f in (lambda: min(1, 2, default=0), lambda: max([], default='empty'), lambda: min(x for x in [])):
    try:
        print(f())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
