# task_done() too many times raises ValueError; join() on an empty queue returns at once
import asyncio

async def main():
    q = asyncio.Queue()
    await q.join()
    print("join on fresh queue returned")
    q.put_nowait(1)
    q.get_nowait()
    q.task_done()
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)
    q.put_nowait("x")
    joiner = asyncio.create_task(q.join())
    await asyncio.sleep(0)
    print("join waiting:", not joiner.done())
    q.get_nowait()
    q.task_done()
    await asyncio.sleep(0)
    print("join finished:", joiner.done())

asyncio.run(main())
