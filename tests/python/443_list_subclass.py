# A class deriving from list: its own methods beside append/pop/sort..., len, iteration,
# indexing and slices (a slice, + and * make plain lists), ==, in, repr, +=, super().__init__
# and super().__repr__, list.append(self, x) and list.__init__(self, ...) called on the
# class, isinstance/issubclass, json.dumps, copy.copy, heapq.nsmallest and random.shuffle.
import asyncio
import copy
import heapq
import json
import random


class Stack(list):
    def push(self, item):
        self.append(item)

    def peek(self):
        return self[-1]

    @property
    def empty(self):
        return not self


class Playlist(list):
    def __init__(self, name, songs=()):
        super().__init__(songs)
        self.name = name

    def __repr__(self):
        return f"{self.name}{super().__repr__()}"

    def shuffle_by(self, key):
        self.sort(key=key)
        return self


s = Stack()
s.push(1)
s.push(2)
s += [3]
print(len(s), s.peek(), list(s), s, isinstance(s, list), isinstance(s, Stack), s.empty, Stack().empty)
print(s.pop(), s, s[0], s[-1:], s + [9], [0] + s, s * 2, 2 in s, s == [1, 2], [1, 2] == s, s != [1])
print(sorted(s, reverse=True), sum(s), max(s), list(reversed(s)), json.dumps(s), type(s[:1]).__name__)
s.extend(range(3))
s.insert(0, -1)
s.remove(0)
s.sort()
s[0] = 100
del s[1]
print(s, s.index(100), s.count(2), bool(Stack()), str(s), f"{s}", s.copy(), type(s.copy()).__name__)

p = Playlist("mix", ["b", "cc", "a"])
p.shuffle_by(len)
print(p, p.name, type(p).__name__, issubclass(Playlist, list), [x * 2 for x in p], "cc" in p)
c = copy.copy(p)
c.append("d")
print(p, c, c.name, type(c).__name__, len(p), len(c))
for i, song in enumerate(p, 1):
    print(i, song, end="; ")
print()


class Scaled(list):
    def __init__(self, items, factor):
        list.__init__(self, [x * factor for x in items])
        self.factor = factor

    def append(self, x):
        list.append(self, x * self.factor)


sc = Scaled([1, 2], 10)
sc.append(3)
sc += [5]
random.seed(4)
random.shuffle(sc)
print(sc, sorted(sc), heapq.nsmallest(2, sc), list.__len__(sc), sc.factor)


class History(list):
    async def record(self, event):
        await asyncio.sleep(0)
        self.append(event)


async def main():
    h = History()
    await asyncio.gather(*(h.record(f"e{i}") for i in range(3)))
    print(h, len(h), h[-1])


asyncio.run(main())
