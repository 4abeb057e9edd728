# aiohttp: ClientSession + async with session.get(...) + await resp.json(), like every tutorial
import asyncio
import aiohttp

async def main():
    async with aiohttp.ClientSession() as session:
        async with session.get("https://jsonplaceholder.example.com/users") as resp:
            print("status:", resp.status, resp.reason, resp.ok)
            print("content type:", resp.headers["Content-Type"], resp.content_type)
            users = await resp.json()
        print(len(users), "users")
        for u in users[:3]:
            print(f"  {u['id']:>2} {u['name']:<16} {u['email']}")
        async with session.get("https://jsonplaceholder.example.com/users/8") as resp:
            print(await resp.json())
        async with session.get("https://jsonplaceholder.example.com/users/11") as resp:
            print(resp.status, await resp.json())
    print("session closed:", session.closed)

asyncio.run(main())
