# as_completed: iterate results in completion order; each item is awaited in the loop body
# (no two delays equal: as_completed starts its tasks in a set's order, which CPython leaves open)
import asyncio

async def work(name, delay):
    await asyncio.sleep(delay)
    return f"{name} ({delay}s)"

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    coros = [work("a", 0.3), work("b", 0.1), work("c", 0.2), work("d", 0.4)]
    for i, fut in enumerate(asyncio.as_completed(coros)):
        result = await fut
        print(i, result, f"at {loop.time() - start:.1f}")

asyncio.run(main())
