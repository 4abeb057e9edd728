# Put before a program so CPython runs it on a virtual clock: its own asyncio, unchanged, except
# that the loop jumps to the next timer instead of waiting for it and time.sleep moves the clock
# on. The order of everything is still asyncio's; a loaded machine just can no longer reorder
# timers that end within a few milliseconds of each other. Not for programs that use threads,
# whose work takes real time.
import asyncio as _asyncio
import selectors as _selectors
import time as _time


class _Clock:
    now = 0.0


class _Selector(_selectors.DefaultSelector):
    def select(self, timeout=None):
        ready = super().select(0)
        if ready or timeout == 0:
            return ready
        if timeout is None:
            return super().select(None)
        _Clock.now += timeout
        return []


class _Loop(_asyncio.SelectorEventLoop):
    def __init__(self):
        super().__init__(_Selector())

    def time(self):
        return _Clock.now


class _Policy(_asyncio.DefaultEventLoopPolicy):
    def new_event_loop(self):
        return _Loop()


def _sleep(seconds):
    _Clock.now += seconds


_asyncio.set_event_loop_policy(_Policy())
_time.sleep = _sleep
