# asyncio.run inside a function run by to_thread: the worker has no running loop, so it runs a
# loop of its own and returns the coroutine's result (also gather, run_until_complete, a method).
import asyncio
import time


async def fetch(n):
    await asyncio.sleep(0.1 * n)
    loop = asyncio.get_running_loop()
    return f"item{n} running={loop.is_running()}"


async def many():
    return await asyncio.gather(fetch(1), fetch(2))


def blocking_with_own_loop(n):
    time.sleep(0.1)
    r = asyncio.run(fetch(n))
    try:
        asyncio.get_running_loop()
    except RuntimeError as e:
        print("after run:", e)
    return r


def worker_gather():
    return asyncio.run(many())


def worker_loop():
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(fetch(3))
    finally:
        loop.close()


class Service:
    def call(self):
        result = asyncio.run(fetch(1))
        return "svc " + result


async def main():
    t0 = time.monotonic()
    print(await asyncio.to_thread(blocking_with_own_loop, 2))
    print(f"{time.monotonic() - t0:.1f}")
    print(await asyncio.to_thread(worker_gather))
    print(await asyncio.to_thread(worker_loop))
    print(await asyncio.to_thread(Service().call))
    r = await asyncio.gather(asyncio.to_thread(blocking_with_own_loop, 1), asyncio.sleep(0.05, "slept"))
    print(r)
    coro = fetch(1)
    try:
        asyncio.run(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    coro.close()


asyncio.run(main())
