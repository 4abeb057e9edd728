# limiting concurrency with a Semaphore: 6 requests of 0.5 s, 3 at a time -> about 1.0 s
import asyncio
import time
import aiohttp

async def fetch(session, sem, i, start):
    async with sem:
        print(f"request {i} starts at {time.monotonic() - start:.1f}")
        async with session.get("http://example.com/delay/0.5") as resp:
            await resp.json()
        return i

async def main():
    sem = asyncio.Semaphore(3)
    start = time.monotonic()
    async with aiohttp.ClientSession() as session:
        done = await asyncio.gather(*(fetch(session, sem, i, start) for i in range(6)))
    print(done, f"total {time.monotonic() - start:.1f}s")

asyncio.run(main())
