# httpx's blocking API (httpx.get, httpx.post, httpx.Client...) works as httpx's: each call
# holds the loop for its request; aiohttp.request (a session of its own for one request) works
import asyncio
import aiohttp
import httpx

print(httpx.get("https://example.com/users/1").json()["name"])
print(httpx.post("https://example.com/echo", json={"a": 1}).json())
print(httpx.request("GET", "https://example.com/status/204"))
with httpx.Client(base_url="https://jsonplaceholder.example.com", params={"page": 1}) as client:
    r = client.get("/posts", params={"userId": 2})
    print(r.status_code, r.url, len(r.json()), client.is_closed)
    try:
        client.get("/status/503").raise_for_status()
    except httpx.HTTPStatusError as e:
        print(str(e).splitlines()[0])
    try:
        client.get("/delay/1", timeout=0.2)
    except httpx.ReadTimeout as e:
        print("ReadTimeout", repr(str(e)))
print(client.is_closed)
try:
    client.get("/users")
except RuntimeError as e:
    print(e)
try:
    httpx.stream("GET", "https://example.com")
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
