# several getters wait on an empty queue: items go to them in the order they started waiting
import asyncio

async def getter(name, q):
    print(f"{name} waits")
    item = await q.get()
    print(f"{name} got {item}")

async def main():
    q = asyncio.Queue()
    tasks = [asyncio.create_task(getter(n, q)) for n in ("g1", "g2", "g3")]
    await asyncio.sleep(0)
    for item in ("x", "y", "z"):
        q.put_nowait(item)
        print("put", item)
    await asyncio.gather(*tasks)
    tasks = [asyncio.create_task(getter(n, q)) for n in ("h1", "h2")]
    await asyncio.sleep(0)
    await q.put("p")
    await asyncio.sleep(0)
    await q.put("q")
    await asyncio.gather(*tasks)

asyncio.run(main())
