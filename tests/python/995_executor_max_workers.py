# ThreadPoolExecutor(max_workers=N) with loop.run_in_executor: at most N calls run at once, the
# others wait in line for a worker (the timing shape shows it); the default pool is wider.
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

pool = ThreadPoolExecutor(max_workers=2)


def job(n):
    time.sleep(0.2 * n)
    return n * 10


def uses_pool():
    return pool._max_workers


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()

    async def run(n):
        r = await loop.run_in_executor(pool, job, n)
        print(f"job {n} -> {r} at {loop.time() - t0:.1f}")
        return r

    print(await asyncio.gather(*(run(n) for n in [1, 2, 3, 4])))
    print(f"total {loop.time() - t0:.1f}")
    print(await loop.run_in_executor(pool, uses_pool))
    with ThreadPoolExecutor(max_workers=1) as one:
        t1 = loop.time()
        rs = await asyncio.gather(*(loop.run_in_executor(one, job, 1) for _ in range(3)))
        print(rs, f"{loop.time() - t1:.1f}")
    t2 = loop.time()
    await asyncio.gather(*(loop.run_in_executor(None, job, 1) for _ in range(3)))
    print(f"default pool {loop.time() - t2:.1f}")


asyncio.run(main())
