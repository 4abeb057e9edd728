# several producers feed one queue at different rates; the consumer sees the merged order
import asyncio

async def producer(name, q, delay, count):
    for i in range(count):
        await asyncio.sleep(delay)
        await q.put(f"{name}{i}")

async def main():
    q = asyncio.Queue()
    producers = [asyncio.create_task(producer("fast", q, 0.2, 4)),
                 asyncio.create_task(producer("slow", q, 0.5, 2))]
    received = []
    while len(received) < 6:
        received.append(await q.get())
    print(received)
    await asyncio.gather(*producers)

asyncio.run(main())
