# aiohttp: a host that does not resolve raises ClientConnectorError (no waiting, no real network)
import asyncio
import aiohttp

async def main():
    async with aiohttp.ClientSession() as session:
        try:
            async with session.get("http://nope.invalid/") as resp:
                print("unexpected", resp.status)
        except aiohttp.ClientConnectorError as e:
            print(type(e).__name__, "|", e)
            print(isinstance(e, aiohttp.ClientConnectionError), isinstance(e, aiohttp.ClientError))
        except aiohttp.ClientError as e:
            print("other client error", e)

asyncio.run(main())
