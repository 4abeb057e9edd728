# collections.deque: both ends, maxlen, rotate, indexing, repr, ==, and the errors tutorials hit
from collections import deque

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], 3 in d, 9 in d, bool(d), bool(deque()))
print(d.pop(), d.popleft(), d)
d.extend([7, 8])
d.extendleft("ab")
print(d, list(d), list(reversed(d)))
d.rotate(2)
print("rotate 2:", d)
d.rotate(-3)
print("rotate -3:", d)
d[1] = "B"
del d[0]
print(d, d.count(2), d.index(3))
d.remove(3)
d.insert(1, "ins")
d.reverse()
print(d, d == deque(list(d)), d == deque([1]), d == list(d))
d.clear()
print(d, len(d))

# maxlen: the far end drops out
last3 = deque(maxlen=3)
for i in range(6):
    last3.append(i)
    print(" ", i, last3)
last3.appendleft(-1)
print(last3, last3.maxlen, deque([1, 2]).maxlen)
print(deque("abcdef", 2), deque(range(3), maxlen=0))
print(deque([1], maxlen=3) == deque([1]), deque([[1, 2], "x"]))

# a deque as a queue of many items, and a breadth-first search
q = deque(range(10000))
total = 0
while q:
    total += q.popleft()
    if total % 7 == 0:
        q.appendleft(1)
print("total", total)
graph = {"a": ["b", "c"], "b": ["d"], "c": ["d", "e"], "d": ["f"], "e": ["f"], "f": []}
seen, order, todo = {"a"}, [], deque(["a"])
while todo:
    node = todo.popleft()
    order.append(node)
    for nxt in graph[node]:
        if nxt not in seen:
            seen.add(nxt)
            todo.append(nxt)
print("bfs", order)
x, y = deque([10, 20])
print(x, y, sum(deque([1, 2, 3])), sorted(deque([3, 1, 2])), [*deque("hi")])

for action in [lambda: deque().popleft(), lambda: deque().pop(), lambda: deque([1])[5],
               lambda: deque([1, 2]).remove(9), lambda: deque(maxlen=-1),
               lambda: deque([1], maxlen=1).insert(0, 2), lambda: deque([1])["a"]]:
    try:
        action()
    except Exception as e:
        print(type(e).__name__ + ":", e)
try:
    hash(deque())
except TypeError:
    print("a deque is unhashable")
d = deque([1, 2, 3])
try:
    for item in d:
        if item == 2:
            d.append(99)
except RuntimeError as e:
    print("RuntimeError:", e)
