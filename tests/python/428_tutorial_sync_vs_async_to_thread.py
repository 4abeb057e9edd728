# Tutorial: the same work sync, async and blocking inside coroutines, each timed (.1f), then
# to_thread; the top level unpacks asyncio.run's result and sleeps, which a to_thread worker's
# copy of the program (replaying the top level for its definitions) must neither fail on nor wait for
import asyncio
import time

def sync_task(n):
    time.sleep(0.1)
    return n

async def async_task(n):
    await asyncio.sleep(0.1)
    return n

def run_sync():
    start = time.perf_counter()
    results = [sync_task(i) for i in range(3)]
    return results, time.perf_counter() - start

async def run_async():
    start = time.perf_counter()
    results = await asyncio.gather(*(async_task(i) for i in range(3)))
    return results, time.perf_counter() - start

res, t = run_sync()
print(f"sync: {res} in {t:.1f}s")
res, t = asyncio.run(run_async())
print(f"async: {res} in {t:.1f}s")

async def blocking_in_async():
    start = time.perf_counter()
    async def bad(n):
        time.sleep(0.1)  # blocks the loop!
        return n
    await asyncio.gather(*(bad(i) for i in range(3)))
    print(f"blocking calls in coroutines: {time.perf_counter() - start:.1f}s")
    start = time.perf_counter()
    await asyncio.gather(*(asyncio.to_thread(sync_task, i) for i in range(3)))
    print(f"to_thread: {time.perf_counter() - start:.1f}s")

asyncio.run(blocking_in_async())
