# A coroutine object left in a local (a forgotten await) is finalised when the frame holding
# it goes: for an awaited coroutine while its awaiter runs, at the awaiter's line; for a task's
# own coroutine inside the event loop's callback (asyncio/events.py:80).
import asyncio


async def fetch(i):
    await asyncio.sleep(0.01)
    return i


async def awaited():
    c = fetch(1)
    await asyncio.sleep(0.01)
    return "awaited done"


async def in_task():
    c = fetch(2)
    print("made", type(c).__name__)
    await asyncio.sleep(0.01)
    return "task done"


async def main():
    print(await awaited())
    t = asyncio.create_task(in_task())
    print(await t)
    await asyncio.sleep(0.05)
    print("main ends")


asyncio.run(main())
print("after run")
