# httpx: gather many requests on one client; results in order; total time is the slowest one
import asyncio
import time
import httpx

async def get_user(client, uid):
    r = await client.get(f"https://api.example.com/users/{uid}")
    r.raise_for_status()
    return r.json()["name"]

async def main():
    start = time.perf_counter()
    async with httpx.AsyncClient(base_url="https://api.example.com") as client:
        names = await asyncio.gather(*(get_user(client, uid) for uid in range(1, 11)))
        r = await client.get("/users/3")
        print("base_url works:", r.json()["username"])
    print(names)
    print(f"10 requests in {time.perf_counter() - start:.1f}s")

asyncio.run(main())
