# httpx's blocking API (httpx.get, httpx.post, httpx.Client...) is not here: calling it says so
# and names httpx.AsyncClient; aiohttp.request (a session of its own for one request) works
import asyncio
import aiohttp
import httpx

for call in (lambda: httpx.get("https://example.com"),
             lambda: httpx.post("https://example.com", json={"a": 1}),
             lambda: httpx.request("GET", "https://example.com"),
             lambda: httpx.Client()):
    try:
        call()
    except NotImplementedError as e:
        print(type(e).__name__, str(e)[:40])
print(callable(httpx.put), callable(httpx.delete), isinstance(httpx.Client, type))


async def main():
    async with aiohttp.request("GET", "https://jsonplaceholder.example.com/users/8") as resp:
        print("request:", resp.status, resp.reason)
        user = await resp.json()
        print(user["id"], user["name"])
    async with aiohttp.request("post", "https://example.net/echo", json={"x": 1}) as resp:
        print("post:", resp.status, resp.method, await resp.json())
    try:
        async with aiohttp.request("GET", "https://jsonplaceholder.example.com/nope",
                                   raise_for_status=True) as resp:
            print("not reached")
    except aiohttp.ClientResponseError as e:
        print("raised:", e.status, e.message)
    async with httpx.AsyncClient() as client:
        r = await client.get("https://example.com")
        print("AsyncClient:", r.status_code)

asyncio.run(main())
httpx.get("https://example.com")
