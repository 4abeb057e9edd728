# Tutorial (httpx's "Resource limits"): AsyncClient(limits=httpx.Limits(max_connections=2))
# lets two requests run at once, the rest wait for a connection; timing printed with .1f
import asyncio
import time
import httpx
import interleave

interleave.simulate(latency=0.2)

async def fetch(client: httpx.AsyncClient, i: int, start: float) -> str:
    r = await client.get(f"https://example.com/items/{i}")
    item = r.json()
    print(f"[{time.perf_counter() - start:.1f}s] {item['name']} costs {item['price']}")
    return item["name"]

async def main():
    limits = httpx.Limits(max_connections=2, max_keepalive_connections=1)
    print(limits)
    start = time.perf_counter()
    async with httpx.AsyncClient(limits=limits, headers={"Accept": "application/json"}) as client:
        names = await asyncio.gather(*(fetch(client, i, start) for i in range(1, 6)))
    print(names, f"{time.perf_counter() - start:.1f}s")
    start = time.perf_counter()
    async with httpx.AsyncClient() as client:
        await asyncio.gather(*(client.get(f"https://example.com/items/{i}") for i in range(5)))
    print(f"default limits: {time.perf_counter() - start:.1f}s")

asyncio.run(main())
