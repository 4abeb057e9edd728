# producer/consumer with a None sentinel; timing shows the overlap
import asyncio

async def producer(q, n):
    for i in range(n):
        await asyncio.sleep(0.1)
        print(f"produce {i}")
        await q.put(i)
    await q.put(None)
    print("producer done")

async def consumer(q):
    total = 0
    while True:
        item = await q.get()
        if item is None:
            break
        print(f"  consume {item}")
        total += item
    return total

async def main():
    q = asyncio.Queue()
    loop = asyncio.get_running_loop()
    start = loop.time()
    _, total = await asyncio.gather(producer(q, 4), consumer(q))
    print("total", total, f"elapsed {loop.time() - start:.1f}")

asyncio.run(main())
