# An uncaught wait_for timeout on a Queue.get: the CancelledError it was chained from was
# raised only inside asyncio, and its traceback still has its header.
import asyncio


async def consumer(q):
    item = await asyncio.wait_for(q.get(), timeout=0.2)
    print("got", item)


async def main():
    q = asyncio.Queue()
    await q.put("first")
    await consumer(q)
    await consumer(q)


asyncio.run(main())
