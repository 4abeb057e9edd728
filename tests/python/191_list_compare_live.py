# List comparisons read the lists as they stand at each item (an item's __eq__ may change
# them), and an item identical to its counterpart counts as equal to it, as in CPython
# (a nan, or an object whose __eq__ says False, in both lists at the same place).
nan = float('nan')
class Never:
    def __eq__(self, other):
        return False
    def __lt__(self, other):
        return True
    def __le__(self, other):
        return False
a = Never()
print([nan] < [nan], [nan] <= [nan], (nan,) <= (nan,), [nan] == [nan], [nan, 1] < [nan, 2])
print([a] < [a], [a] <= [a], [a, 1] < [a, 2], [a] == [a], (a,) <= (a,), (a, 2) > (a, 1))
L, M = [], []
class Clears:
    def __eq__(self, other):
        L.clear()
        M.clear()
        return True
L.extend([Clears(), Clears(), Clears()])
M.extend([Clears(), Clears(), Clears()])
print(L == M, L, M)
L.extend([Clears(), 1])
M.extend([Clears(), 1])
print(L != M, len(L), len(M))
L[:] = [Clears(), 5]
M[:] = [Clears(), 6]
print(L < M, L <= M, L, M)
