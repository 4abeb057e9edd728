# Task.get_coro(), what a task cancelled with a message hands out (the coroutine's
# CancelledError once, then a new one without args), gather's TypeError for a list,
# Semaphore._value and Event's repr.
import asyncio


async def work(n):
    await asyncio.sleep(0.1)
    return n


async def forever():
    await asyncio.sleep(10)


async def waiter(t, n):
    try:
        await t
    except asyncio.CancelledError as e:
        print("waiter", n, e.args)


async def main():
    coro = work(1)
    t = asyncio.create_task(coro)
    print(t.get_coro() is coro, t.get_coro().__name__)
    print(await t, t.get_coro() is coro)

    t = asyncio.create_task(forever())
    await asyncio.sleep(0)
    t.cancel("stop now")
    await asyncio.sleep(0)
    for f in (t.result, t.exception, t.result):
        try:
            f()
        except asyncio.CancelledError as e:
            print(f.__name__, e.args)

    t = asyncio.create_task(forever())
    waiters = [asyncio.create_task(waiter(t, i)) for i in range(2)]
    await asyncio.sleep(0)
    t.cancel("bye")
    await asyncio.gather(*waiters)

    t = asyncio.create_task(forever())
    t.cancel("early")
    try:
        await t
    except asyncio.CancelledError as e:
        print("await", e.args)
    try:
        t.exception()
    except asyncio.CancelledError as e:
        print("exception", e.args)

    fut = asyncio.get_running_loop().create_future()
    fut.cancel("future")
    for f in (fut.result, fut.exception):
        try:
            f()
        except asyncio.CancelledError as e:
            print("future", f.__name__, e.args)

    coros = [work(2), work(3)]
    try:
        await asyncio.gather(coros)
    except TypeError as e:
        print("TypeError:", e)
    for c in coros:
        c.close()

    sem = asyncio.Semaphore(3)
    print("value", sem._value)
    async with sem:
        print("inside", sem._value)
    print("after", sem._value)

    ev = asyncio.Event()
    print(repr(ev).startswith("<asyncio.locks.Event object at 0x"), repr(ev).endswith(" [unset]>"))
    ev.set()
    print(repr(ev).endswith(" [set]>"))


asyncio.run(main())
