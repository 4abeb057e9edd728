# The "Exception in callback" report of a callback that raised names it as asyncio does
# (qualified name, arguments as reprlib shows them, where it was defined) and its handle;
# a handle's repr, cancelled or not.
import asyncio
import functools


def fail(x, label):
    raise ValueError(x)


class Counter:
    def bump(self):
        raise KeyError("bump")


async def work():
    return 5


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(lambda: 1 / 0)
    loop.call_soon(fail, 1, "two")
    loop.call_soon(fail, [1, 2, 3, 4, 5, 6, 7], {"b": 2, "a": 1})
    loop.call_soon(fail, "a long string that reprlib will cut in the middle", None)
    loop.call_soon(Counter().bump)
    loop.call_soon(functools.partial(fail, 3), "p")
    h = loop.call_soon(print, "printed", 1)
    print(repr(h))
    cancelled = loop.call_soon(fail, 0, "never")
    cancelled.cancel()
    print(repr(cancelled))
    await asyncio.sleep(0.1)
    t = asyncio.create_task(work())
    t.add_done_callback(lambda fut: fut.result() / 0)
    await asyncio.sleep(0.1)
    loop.call_later(0.1, print, "later")
    await asyncio.sleep(0.2)
    print("done")


asyncio.run(main())
