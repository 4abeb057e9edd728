# asyncio.Barrier: abort() breaks it (waiting tasks and later waits raise BrokenBarrierError,
# a RuntimeError), reset() wakes the waiting tasks with the error and refills it, a wait that
# times out leaves; the error escapes uncaught at the end.
import asyncio


async def waiter(barrier, name):
    try:
        await barrier.wait()
        print(name, "passed")
    except asyncio.BrokenBarrierError as e:
        print(name, "broken:", repr(e))


async def main():
    barrier = asyncio.Barrier(3)
    tasks = [asyncio.create_task(waiter(barrier, n)) for n in "ab"]
    await asyncio.sleep(0.1)
    print("waiting:", barrier.n_waiting, "broken:", barrier.broken)
    await barrier.abort()
    await asyncio.gather(*tasks)
    print("waiting:", barrier.n_waiting, "broken:", barrier.broken)
    try:
        await barrier.wait()
    except asyncio.BrokenBarrierError as e:
        print("later wait:", e, isinstance(e, RuntimeError), type(e).__name__)

    await barrier.reset()
    print("after reset: broken", barrier.broken, "waiting", barrier.n_waiting)
    t = asyncio.create_task(waiter(barrier, "c"))
    await asyncio.sleep(0.1)
    await barrier.reset()
    await t
    await asyncio.gather(*(waiter(barrier, n) for n in "def"))

    pair = asyncio.Barrier(2)
    try:
        await asyncio.wait_for(pair.wait(), 0.2)
    except asyncio.TimeoutError:
        print("timed out; waiting now", pair.n_waiting, "broken", pair.broken)
    t = asyncio.create_task(waiter(pair, "g"))
    async with pair as position:
        print("main through at", position)
    await t
    await pair.abort()
    await pair.wait()


asyncio.run(main())
