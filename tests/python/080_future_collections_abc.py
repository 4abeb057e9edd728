# `from __future__ import annotations` imports (with the feature records), and collections.abc's
# classes serve as annotations, subscripted or not, and as bases with their mixin methods.
from __future__ import annotations

import __future__
import collections
from collections.abc import (AsyncIterator, Awaitable, Callable, Coroutine, Iterable,
                             Iterator, Mapping, MutableMapping, MutableSequence, Sequence, Sized)

print(__future__.annotations)
print(__future__.annotations.getMandatoryRelease(), "annotations" in __future__.all_feature_names)


def total(xs: Iterable[int], key: Callable[[int], int] | None = None) -> int:
    return sum(key(x) if key else x for x in xs)


async def later(x: int) -> Awaitable[int]:
    return x


print(total([1, 2, 3]), total(range(4), key=lambda x: x * x))
print(Iterable.__name__, Mapping.__module__, Iterator.__mro__[1].__name__, collections.abc.Sized is Sized)


class Registry(MutableMapping):
    def __init__(self):
        self._d = {}

    def __getitem__(self, k):
        return self._d[k.lower()]

    def __setitem__(self, k, v):
        self._d[k.lower()] = v

    def __delitem__(self, k):
        del self._d[k.lower()]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)


r = Registry()
r.update({"A": 1}, B=2)
r.setdefault("c", 3)
print(len(r), "a" in r, "Z" in r, r.get("b"), r.get("z", -1), sorted(r), list(r.values()))
print(r.pop("A"), r.pop("nope", None), list(r.items()), r == {"b": 2, "c": 3})
print(isinstance(r, Mapping), isinstance(r, Sized), isinstance(r, Sequence))


class Deck(Sequence):
    def __init__(self, cards):
        self._cards = list(cards)

    def __getitem__(self, i):
        return self._cards[i]

    def __len__(self):
        return len(self._cards)


d = Deck("abcab")
print(list(d), list(reversed(d)), "c" in d, d.index("b"), d.count("a"))


class Stack(MutableSequence):
    def __init__(self):
        self._items = []

    def __getitem__(self, i):
        return self._items[i]

    def __setitem__(self, i, v):
        self._items[i] = v

    def __delitem__(self, i):
        del self._items[i]

    def __len__(self):
        return len(self._items)

    def insert(self, i, v):
        self._items.insert(i, v)


s = Stack()
s.extend([1, 2, 3])
s.append(4)
s.reverse()
s += [0]
print(list(s), s.pop(), s.pop(0), list(s))


class Countdown(Iterator):
    def __init__(self, n):
        self.n = n

    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n


print(list(Countdown(3)), iter(c := Countdown(1)) is c)


class Half(Iterable):
    pass


try:
    Half()
except TypeError as e:
    print("TypeError:", e)
print(issubclass(Coroutine, Awaitable), issubclass(MutableSequence, Sized), issubclass(AsyncIterator, Iterator))
