# Containers compare their items by identity first (`x is y or x == y`), as CPython does: the
# same NaN object, or an object whose __eq__ says False, still counts as equal to itself in
# ==, in, count, index, remove, dict and tuple comparisons, deques. (NaNs made apart are
# checked by 438_nan_identity.)
import asyncio
import math
from collections import deque

nan = float("nan")


class Never:
    def __eq__(self, other):
        return False

    def __hash__(self):
        return 1

    def __repr__(self):
        return "Never()"


n = Never()
print(nan == nan, nan is nan, [nan] == [nan], (nan,) == (nan,), [nan] != [nan])
print([math.nan] == [math.nan], nan in {"k": nan}.values(), [nan] == [nan][:])
print(nan in [nan], nan in (1, nan), nan in {nan}, nan in {nan: 1}, nan in deque([1, nan]))
print([nan, nan, 1].count(nan), (nan, 2).index(nan), [1, nan].index(nan))
items = [1, nan, 2]
items.remove(nan)
print(len(items), items)
print({"a": nan} == {"a": nan}, {1: [nan]} == {1: [nan]})
print(list({"a": nan}.values()) == [nan], [[nan]] == [[nan]], [(nan, 1)] == [(nan, 1)])
print([n] == [n], n == n, n in [n], [n].count(n), (n,) == (n,), [n] != [n])
print([nan] < [nan], [nan] <= [nan], (1, nan) < (1, nan), (nan, 1) < (nan, 2))
print(max([nan, nan]) is nan, [nan, 1] == [nan, 1.0])
print({"k": n} == {"k": n}, [Never()] == [Never()], {"v": nan} == {"v": nan}.copy())
dq = deque([1, nan, n])
print(dq.index(nan), dq.index(n), dq.count(nan), dq == deque([1, nan, n]))
dq.remove(n)
dq.remove(nan)
print(dq)


async def main():
    q = asyncio.Queue()
    await q.put(nan)
    got = await q.get()
    print(got is nan, [got] == [nan], got in [nan])


asyncio.run(main())
