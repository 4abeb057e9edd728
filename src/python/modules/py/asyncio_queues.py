"""`asyncio.PriorityQueue` and `asyncio.LifoQueue`, as asyncio's own are: an `asyncio.Queue`
with another order of items. Here each is an `asyncio.Queue` of tickets (its waits, hand-overs,
`maxsize`, `task_done` and `join` are that queue's, and are drawn as its) beside a list that
holds the items in the order they come out. The engine cannot subclass its native `Queue`, so
each names it as `__builtin_base__`: `isinstance(pq, asyncio.Queue)` and
`issubclass(asyncio.PriorityQueue, asyncio.Queue)` hold, as in CPython.
"""

import asyncio
from heapq import heappop, heappush


class _Ordered:
    __builtin_base__ = asyncio.Queue

    def __init__(self, maxsize=0):
        self._tickets = asyncio.Queue(maxsize)
        self._items = []
        self.maxsize = maxsize

    async def put(self, item):
        await self._tickets.put(None)
        self._add(item)

    def put_nowait(self, item):
        self._tickets.put_nowait(None)
        self._add(item)

    async def get(self):
        await self._tickets.get()
        return self._take()

    def get_nowait(self):
        self._tickets.get_nowait()
        return self._take()

    def task_done(self):
        self._tickets.task_done()

    async def join(self):
        await self._tickets.join()

    def qsize(self):
        return len(self._items)

    def empty(self):
        return not self._items

    def full(self):
        return 0 < self.maxsize <= len(self._items)

    def _format(self):
        # The tickets' queue knows the waiting gets and puts and the unfinished tasks; its
        # `_queue` (all None) gives way to the items.
        shown = [f"maxsize={self.maxsize!r}"]
        if self._items:
            shown.append(f"_queue={self._items!r}")
        shown += [part for part in self._tickets._format().split(" ") if part.startswith(("_getters", "_putters", "tasks"))]
        return " ".join(shown)

    def __repr__(self):
        return f"<{type(self).__name__} at {id(self):#x} {self._format()}>"

    def __str__(self):
        return f"<{type(self).__name__} {self._format()}>"


class PriorityQueue(_Ordered):
    """Smallest item first (a heap: `(priority, item)` tuples are the usual items)."""

    __module__ = "asyncio.queues"  # where asyncio defines it, as its repr says

    def _add(self, item):
        heappush(self._items, item)

    def _take(self):
        return heappop(self._items)


class LifoQueue(_Ordered):
    """Last in, first out."""

    __module__ = "asyncio.queues"  # where asyncio defines it, as its repr says

    def _add(self, item):
        self._items.append(item)

    def _take(self):
        return self._items.pop()
