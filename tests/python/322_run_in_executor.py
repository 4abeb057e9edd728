# loop.run_in_executor(None, f, *args): blocking work off the loop; the loop keeps ticking
import asyncio
import time

def blocking(n, delay):
    time.sleep(delay)
    return n * n

async def ticker(stop):
    ticks = 0
    while not stop.is_set():
        await asyncio.sleep(0.1)
        ticks += 1
    return ticks

async def main():
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    tick_task = asyncio.create_task(ticker(stop))
    start = loop.time()
    results = await asyncio.gather(
        loop.run_in_executor(None, blocking, 3, 0.5),
        loop.run_in_executor(None, blocking, 4, 0.5),
    )
    print(results, f"took {loop.time() - start:.1f}s")
    stop.set()
    ticks = await tick_task
    print("ticker ticked while threads slept:", ticks >= 3)
    print(await loop.run_in_executor(None, sum, [1, 2, 3]))

asyncio.run(main())
