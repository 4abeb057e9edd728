# httpx: error classes for an unreachable host, a missing scheme and a closed client
import asyncio
import httpx

async def main():
    client = httpx.AsyncClient()
    try:
        await client.get("http://nope.invalid/")
    except httpx.ConnectError as e:
        print(type(e).__name__, "|", e, "|", isinstance(e, httpx.TransportError))
    try:
        await client.get("example.com/users")
    except httpx.UnsupportedProtocol as e:
        print(type(e).__name__, "|", e)
    await client.aclose()
    try:
        await client.get("https://example.com/")
    except RuntimeError as e:
        print(type(e).__name__, "|", e)

asyncio.run(main())
