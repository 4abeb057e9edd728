# the classic tutorial: three 0.3 s jobs awaited one by one vs with create_task/gather
import asyncio
import time

async def job(n):
    print(f"job {n} start")
    await asyncio.sleep(0.3)
    print(f"job {n} end")
    return n * 10

async def main():
    t0 = time.perf_counter()
    r = [await job(1), await job(2), await job(3)]
    print(r, f"sequential: {time.perf_counter() - t0:.1f}s")
    t0 = time.perf_counter()
    tasks = [asyncio.create_task(job(n)) for n in (4, 5, 6)]
    r = [await t for t in tasks]
    print(r, f"tasks: {time.perf_counter() - t0:.1f}s")
    t0 = time.perf_counter()
    r = await asyncio.gather(*(job(n) for n in (7, 8, 9)))
    print(r, f"gather: {time.perf_counter() - t0:.1f}s")

asyncio.run(main())
