# Writes to the simulated tables, answered as JSONPlaceholder does: POST gives 201 and the new
# row with the next id, PUT what was sent, PATCH the row updated, DELETE {}; nothing is kept.
import asyncio
import aiohttp
import httpx

API = "https://api.example.com"

async def main():
    async with aiohttp.ClientSession() as session:
        async with session.post(f"{API}/posts", json={"title": "hello", "userId": 1}) as resp:
            print(resp.status, resp.reason, await resp.json())
        async with session.put(f"{API}/posts/3", json={"title": "replaced"}) as resp:
            print(resp.status, await resp.json())
        async with session.patch(f"{API}/users/4", json={"name": "Ada"}) as resp:
            print(resp.status, await resp.json())
        async with session.delete(f"{API}/comments/7") as resp:
            print(resp.status, await resp.json())
        async with session.get(f"{API}/posts/3") as resp:
            print("still", (await resp.json())["title"])
    async with httpx.AsyncClient() as client:
        r = await client.post(f"{API}/comments", json={"body": "first!"})
        print(r.status_code, r.json())
        r = await client.put(f"{API}/posts/99", json={})
        print(r.status_code, r.json())

asyncio.run(main())
