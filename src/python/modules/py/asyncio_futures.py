"""`asyncio.wrap_future`, as asyncio's own is written (`asyncio/futures.py`): an asyncio future
that takes a `concurrent.futures.Future`'s outcome, a turn of the loop after it is known (asyncio
hands it over with `call_soon_threadsafe`, as from another thread), and cancels it if cancelled
first. The engine's executors finish each call at `submit()`, so the outcome is there at once.
"""

import asyncio
import concurrent.futures


def wrap_future(future, *, loop=None):
    if asyncio.isfuture(future):
        return future
    assert isinstance(future, concurrent.futures.Future), f"concurrent.futures.Future is expected, got {future!r}"
    if loop is None:
        loop = asyncio.get_event_loop()
    new_future = loop.create_future()

    def set_state(source):
        if new_future.cancelled():
            return
        if source.cancelled():
            new_future.cancel()
        elif source.exception() is not None:
            new_future.set_exception(source.exception())
        else:
            new_future.set_result(source.result())

    def check_cancel(destination):
        if destination.cancelled():
            future.cancel()

    def call_set_state(source):
        if new_future.cancelled() and loop.is_closed():
            return
        loop.call_soon_threadsafe(set_state, source)

    new_future.add_done_callback(check_cancel)
    future.add_done_callback(call_set_state)
    return new_future

