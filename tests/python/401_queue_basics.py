# asyncio.Queue: maxsize, put_nowait/get_nowait, qsize, empty, full, QueueEmpty, QueueFull
import asyncio

async def main():
    q = asyncio.Queue(maxsize=2)
    print(q.maxsize, q.qsize(), q.empty(), q.full())
    q.put_nowait("a")
    await q.put("b")
    print(q.qsize(), q.empty(), q.full())
    try:
        q.put_nowait("c")
    except asyncio.QueueFull as e:
        print("QueueFull", repr(e))
    print(q.get_nowait(), await q.get(), q.qsize())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print("QueueEmpty", repr(e))
    unbounded = asyncio.Queue()
    for i in range(5):
        unbounded.put_nowait(i * i)
    print(unbounded.maxsize, unbounded.full(), unbounded.qsize())
    print([unbounded.get_nowait() for _ in range(unbounded.qsize())])
    print(issubclass(asyncio.QueueEmpty, Exception), issubclass(asyncio.QueueFull, Exception))

asyncio.run(main())
