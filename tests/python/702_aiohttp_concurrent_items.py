# aiohttp: fetching /item/{i} one after another vs concurrently with gather (elapsed times)
import asyncio
import time
import aiohttp

async def fetch(session, i):
    async with session.get(f"http://example.com/item/{i}") as resp:
        return await resp.json()

async def main():
    async with aiohttp.ClientSession() as session:
        start = time.perf_counter()
        one_by_one = [await fetch(session, i) for i in range(1, 4)]
        sequential = time.perf_counter() - start
        start = time.perf_counter()
        together = await asyncio.gather(*(fetch(session, i) for i in range(1, 4)))
        concurrent = time.perf_counter() - start
    print(one_by_one == together)
    for item in together:
        print(item)
    print(f"sequential {sequential:.1f}s, concurrent {concurrent:.1f}s")

asyncio.run(main())
