# interleave.simulate(failure_rate=0.3): some requests answer 503; handle them with raise_for_status
import asyncio
import aiohttp
import interleave

async def fetch(session, i):
    try:
        async with session.get(f"https://example.com/item/{i}") as resp:
            resp.raise_for_status()
            return (await resp.json())["name"]
    except aiohttp.ClientResponseError as e:
        return f"failed: {e.status} {e.message}"

async def main():
    interleave.simulate(latency=0.1, failure_rate=0.3)
    async with aiohttp.ClientSession() as session:
        results = await asyncio.gather(*(fetch(session, i) for i in range(8)))
        for r in results:
            print(r)
        async with session.get("https://example.com/item/0") as resp:
            print(resp.status, await resp.text())
    interleave.simulate(failure_rate=0.0)

asyncio.run(main())
