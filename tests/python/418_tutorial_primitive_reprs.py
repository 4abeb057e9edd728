# Tutorial: printing asyncio's primitives to see their state (addresses masked): locks,
# events, semaphores and conditions show their waiters; queues their items, waiting gets and
# puts and unfinished tasks, in repr and str alike, PriorityQueue and LifoQueue included
import asyncio
import re

def show(label, obj):
    print(f"{label:>6}: {re.sub(r' at 0x[0-9a-f]+', '', repr(obj))}")

async def wait_on(cond):
    async with cond:
        await cond.wait()

async def main():
    lock, event, sem, cond = asyncio.Lock(), asyncio.Event(), asyncio.Semaphore(1), asyncio.Condition()
    await lock.acquire()
    await sem.acquire()
    waiting = [asyncio.create_task(c) for c in (lock.acquire(), lock.acquire(), event.wait(), sem.acquire())]
    waiting += [asyncio.create_task(wait_on(cond)) for _ in range(2)]
    await asyncio.sleep(0)
    for label, obj in [("lock", lock), ("event", event), ("sem", sem), ("cond", cond)]:
        show(label, obj)
    lock.release()
    event.set()
    sem.release()
    async with cond:
        cond.notify()
        show("cond", cond)
    await asyncio.sleep(0)
    for label, obj in [("lock", lock), ("event", event), ("sem", sem), ("cond", cond)]:
        show(label, obj)
    for t in waiting:
        t.cancel()
    await asyncio.sleep(0)

    for cls in (asyncio.Queue, asyncio.PriorityQueue, asyncio.LifoQueue):
        q = cls(maxsize=1)
        getter = asyncio.create_task(q.get())
        await asyncio.sleep(0)
        show("get", q)
        q.put_nowait(5)
        show("put", q)
        putters = [asyncio.create_task(q.put(n)) for n in (7, 6)]
        await asyncio.sleep(0)
        show("full", q)
        print(f"   str: {q}")
        q.task_done()
        print(getter.result(), q.get_nowait(), q.qsize())
        await asyncio.sleep(0)
        show("after", q)

asyncio.run(main())
