# Lock hand-over: a task that releases and immediately re-acquires goes behind the waiters
import asyncio

async def greedy(lock, log):
    for i in range(3):
        async with lock:
            log.append(f"greedy{i}")
            await asyncio.sleep(0)

async def polite(name, lock, log):
    async with lock:
        log.append(name)

async def main():
    lock = asyncio.Lock()
    log = []
    g = asyncio.create_task(greedy(lock, log))
    await asyncio.sleep(0)
    others = [asyncio.create_task(polite(f"p{i}", lock, log)) for i in range(2)]
    await asyncio.gather(g, *others)
    print(log)

asyncio.run(main())
