# aiohttp: POST with json=, the /echo endpoint, query args decoded, method names
import asyncio
import aiohttp

async def main():
    async with aiohttp.ClientSession() as session:
        async with session.post("https://example.net/echo", json={"n": 1, "ok": True, "x": None}) as resp:
            print(resp.status, resp.method, await resp.json())
        async with session.get("https://example.net/echo", params={"q": "two words", "page": 2}) as resp:
            print(resp.url)
            print(await resp.json())
        async with session.delete("https://example.net/echo?id=7") as resp:
            print(await resp.json())
        async with session.get("https://example.net/") as resp:
            print(await resp.json())

asyncio.run(main())
