# a task cancelled before its first step never runs its body
import asyncio

async def body():
    print("body ran (should not)")

async def main():
    t = asyncio.create_task(body())
    print("cancel:", t.cancel())
    await asyncio.sleep(0)
    print("done:", t.done(), "cancelled:", t.cancelled())
    print("cancel again:", t.cancel())
    t2 = asyncio.create_task(asyncio.sleep(0))
    await asyncio.sleep(0)
    print("t2 done; cancel() on a finished task returns", t2.cancel(), t2.cancelled())

asyncio.run(main())
