# aiohttp: resp.raise_for_status() -> ClientResponseError with status, message and url
import asyncio
import aiohttp

async def check(session, url):
    try:
        async with session.get(url) as resp:
            resp.raise_for_status()
            print(url, "->", resp.status, await resp.text())
    except aiohttp.ClientResponseError as e:
        print(url, "->", type(e).__name__)
        print("   str:", e)
        print("   status:", e.status, "message:", e.message)
        print("   is ClientError:", isinstance(e, aiohttp.ClientError))

async def main():
    async with aiohttp.ClientSession() as session:
        for url in ("http://example.com/status/200", "http://example.com/status/404",
                    "http://example.com/status/500", "http://example.com/nothing-here"):
            await check(session, url)
    async with aiohttp.ClientSession(raise_for_status=True) as strict:
        try:
            await strict.get("https://example.org/status/418")
        except aiohttp.ClientResponseError as e:
            print("strict session:", e)

asyncio.run(main())
