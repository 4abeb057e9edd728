# Semaphore(2) lets at most two jobs run at once; elapsed time shows the batching
import asyncio

running = 0
peak = 0

async def job(n, sem, loop, start):
    global running, peak
    async with sem:
        running += 1
        peak = max(peak, running)
        print(f"job {n} starts at {loop.time() - start:.1f}")
        await asyncio.sleep(0.2)
        running -= 1
    return n

async def main():
    sem = asyncio.Semaphore(2)
    loop = asyncio.get_running_loop()
    start = loop.time()
    results = await asyncio.gather(*(job(n, sem, loop, start) for n in range(5)))
    print(results, "peak", peak, f"total {loop.time() - start:.1f}")

asyncio.run(main())
