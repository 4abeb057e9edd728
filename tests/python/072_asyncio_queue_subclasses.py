# asyncio.PriorityQueue and LifoQueue are Queues: isinstance and issubclass hold, so code that
# checks for an asyncio.Queue takes them; each still hands items out in its own order.
import asyncio


async def drain(q):
    if not isinstance(q, asyncio.Queue):
        raise TypeError(f"expected an asyncio.Queue, got {type(q).__name__}")
    items = []
    while not q.empty():
        items.append(await q.get())
        q.task_done()
    await q.join()
    return items


async def main():
    queues = [asyncio.Queue(), asyncio.PriorityQueue(), asyncio.LifoQueue(maxsize=5)]
    for q in queues:
        for item in [(3, "c"), (1, "a"), (2, "b")]:
            await q.put(item)
        print(type(q).__name__, isinstance(q, asyncio.Queue), q.qsize(), q.full(), await drain(q))
    print(issubclass(asyncio.PriorityQueue, asyncio.Queue), issubclass(asyncio.LifoQueue, asyncio.Queue))
    print(issubclass(asyncio.Queue, asyncio.PriorityQueue), isinstance(asyncio.Queue(), asyncio.LifoQueue))
    print(isinstance(asyncio.PriorityQueue(), asyncio.LifoQueue), isinstance(asyncio.Lock(), asyncio.Queue))
    print(isinstance(asyncio.LifoQueue(), (asyncio.Event, asyncio.Queue)), asyncio.LifoQueue.__name__)
    try:
        await drain([1, 2])
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
print(isinstance(asyncio.PriorityQueue(), asyncio.Queue))
