# a full queue makes put() wait: producer and consumer alternate around maxsize=2
import asyncio

async def producer(q):
    for i in range(5):
        print(f"put {i} (size before {q.qsize()})")
        await q.put(i)
        print(f"put {i} returned")
    print("producer finished")

async def consumer(q):
    await asyncio.sleep(0.1)
    for _ in range(5):
        item = await q.get()
        print(f"  got {item}")
        await asyncio.sleep(0)

async def main():
    q = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(q), consumer(q))

asyncio.run(main())
