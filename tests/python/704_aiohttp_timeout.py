# aiohttp: ClientTimeout(total=0.3) against /delay/1 -> asyncio.TimeoutError after 0.3 s
import asyncio
import time
import aiohttp

async def main():
    timeout = aiohttp.ClientTimeout(total=0.3)
    start = time.monotonic()
    async with aiohttp.ClientSession(timeout=timeout) as session:
        try:
            async with session.get("http://example.com/delay/1") as resp:
                print("unexpected", resp.status)
        except asyncio.TimeoutError as e:
            print("timed out:", type(e).__name__, repr(str(e)), f"after {time.monotonic() - start:.1f}s")
        start = time.monotonic()
        async with session.get("http://example.com/delay/0.2") as resp:
            print(resp.status, await resp.json(), f"after {time.monotonic() - start:.1f}s")
        start = time.monotonic()
        try:
            await session.get("http://example.com/delay/0.5", timeout=aiohttp.ClientTimeout(total=0.1))
        except asyncio.TimeoutError:
            print(f"per-request timeout after {time.monotonic() - start:.1f}s")

asyncio.run(main())
