# httpx: errors for a URL without a scheme, a closed client, and the exception tree
import asyncio
import httpx

async def main():
    client = httpx.AsyncClient()
    print(issubclass(httpx.ConnectError, httpx.TransportError), issubclass(httpx.ReadTimeout, httpx.TimeoutException),
          issubclass(httpx.HTTPStatusError, httpx.RequestError), issubclass(httpx.RequestError, httpx.HTTPError))
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
