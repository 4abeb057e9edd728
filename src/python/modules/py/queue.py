"""`queue`, the threads' queues, for a program that has one thread (see `threading`): nothing
else can put or take while it waits, so a blocking `get()` of an empty queue, `put()` to a full
one or `join()` with work left would wait forever: it raises instead. With a timeout it waits
that long, as `time.sleep` does, then raises `Empty` or `Full` as CPython's does.
"""

import time as _time
from heapq import heappop as _heappop, heappush as _heappush


class Empty(Exception):
    "Exception raised by Queue.get(block=0)/get_nowait()."


Empty.__module__ = "_queue"


class Full(Exception):
    "Exception raised by Queue.put(block=0)/put_nowait()."


class ShutDown(Exception):
    pass


def _forever(what):
    return RuntimeError(
        f"{what} would wait forever: no other thread here can change the queue "
        "(the program has one thread; asyncio.Queue is the queue for tasks)"
    )


def _wait(block, timeout, what, error):
    if not block:
        raise error
    if timeout is None:
        raise _forever(what)
    if timeout < 0:
        raise ValueError("'timeout' must be a non-negative number")
    _time.sleep(timeout)
    raise error


class Queue:
    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.unfinished_tasks = 0

    def task_done(self):
        unfinished = self.unfinished_tasks - 1
        if unfinished < 0:
            raise ValueError("task_done() called too many times")
        self.unfinished_tasks = unfinished

    def join(self):
        if self.unfinished_tasks:
            raise _forever("join() with tasks not done")

    def qsize(self):
        return self._qsize()

    def empty(self):
        return not self._qsize()

    def full(self):
        return 0 < self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):
        if self.full():
            _wait(block, timeout, "put() to a full queue", Full())
        self._put(item)
        self.unfinished_tasks += 1

    def get(self, block=True, timeout=None):
        if not self._qsize():
            _wait(block, timeout, "get() from an empty queue", Empty())
        return self._get()

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(block=False)

    # A list, not CPython's deque (`collections` is not loaded for this): taking the first item
    # moves the others, which for the queues of a lesson is nothing.
    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop(0)


class PriorityQueue(Queue):
    def _put(self, item):
        _heappush(self.queue, item)

    def _get(self):
        return _heappop(self.queue)


class LifoQueue(Queue):
    def _get(self):
        return self.queue.pop()


class SimpleQueue:
    def __init__(self):
        self._queue = Queue()

    def put(self, item, block=True, timeout=None):
        self._queue._put(item)

    put_nowait = put

    def get(self, block=True, timeout=None):
        return self._queue.get(block, timeout)

    def get_nowait(self):
        return self._queue.get(False)

    def empty(self):
        return self._queue.empty()

    def qsize(self):
        return self._queue.qsize()
