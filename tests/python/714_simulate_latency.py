# interleave.simulate(latency=...) fixes every request's latency; None restores the default
import asyncio
import time
import aiohttp
import interleave

async def timed(session, url):
    start = time.monotonic()
    async with session.get(url) as resp:
        await resp.json()
    return round(time.monotonic() - start, 1)

async def main():
    async with aiohttp.ClientSession() as session:
        default = [await timed(session, f"http://example.com/item/{i}") for i in range(4)]
        interleave.simulate(latency=0.1)
        fixed = [await timed(session, f"http://example.com/item/{i}") for i in range(4)]
        delay = await timed(session, "http://example.com/delay/0.3")
        interleave.simulate(latency=None)
        again = [await timed(session, f"http://example.com/item/{i}") for i in range(4)]
    print("default:", default)
    print("fixed:  ", fixed)
    print("/delay/0.3 keeps its own delay:", delay)
    print("restored:", again == default)

asyncio.run(main())
