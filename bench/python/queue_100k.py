# A producer passes 100,000 items through an asyncio.Queue to one consumer: the queue demo's
# program (sentinel ending, delay 0, work 0) without its prints.
import asyncio

N = 100_000


async def producer(queue, n, consumers):
    for i in range(1, n + 1):
        await asyncio.sleep(0)
        await queue.put(i)
    for _ in range(consumers):
        await queue.put(None)


async def consumer(queue):
    total = 0
    while True:
        item = await queue.get()
        if item is None:
            return total
        total += item
        await asyncio.sleep(0)


async def main():
    queue = asyncio.Queue()
    _, total = await asyncio.gather(producer(queue, N, 1), consumer(queue))
    print("passed", N, "items, sum", total)


asyncio.run(main())
