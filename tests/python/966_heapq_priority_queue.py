# heapq, and asyncio's PriorityQueue and LifoQueue (the engine's own Python, over Queue).
import asyncio
import heapq
import random

h = []
for x in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, x)
print([heapq.heappop(h) for _ in range(len(h))])
data = [9, 4, 7, 1, 8]
heapq.heapify(data)
print(data[0], heapq.heappushpop(data, 0), heapq.heapreplace(data, 10), sorted(data))
print(heapq.nsmallest(2, [5, 3, 8, 1]), heapq.nlargest(2, [5, 3, 8, 1]), list(heapq.merge([1, 4], [2, 3])))
try:
    heapq.heappop([])
except IndexError as e:
    print("IndexError", e)


async def worker(name, q):
    while True:
        priority, job = await q.get()
        print(f"{name} takes {job} (priority {priority})")
        await asyncio.sleep(0.1)
        q.task_done()


async def main():
    q = asyncio.PriorityQueue()
    for p, job in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent")]:
        q.put_nowait((p, job))
    print(q.qsize(), q.empty(), q.full())
    workers = [asyncio.create_task(worker(f"w{i}", q)) for i in range(2)]
    await q.join()
    for w in workers:
        w.cancel()
    lifo = asyncio.LifoQueue(maxsize=2)
    await lifo.put("a")
    await lifo.put("b")
    print(lifo.full(), await lifo.get(), lifo.get_nowait(), lifo.empty())
    try:
        lifo.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    lifo.put_nowait(1)
    lifo.put_nowait(2)
    try:
        lifo.put_nowait(3)
    except asyncio.QueueFull:
        print("QueueFull")


asyncio.run(main())
