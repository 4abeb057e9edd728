# awaiting a coroutine runs it inline (no task switch) unless it suspends; a task runs later
import asyncio

async def no_suspend(tag):
    print(f"  {tag}: runs without suspending")
    return tag

async def ticker():
    for i in range(3):
        print(f"  ticker {i}")
        await asyncio.sleep(0)

async def main():
    t = asyncio.create_task(ticker())
    print("main: await plain coroutines")
    a = await no_suspend("one")
    b = await no_suspend("two")
    print("main: still before the ticker ran:", a, b)
    await asyncio.sleep(0)
    print("main: after one yield")
    c = await asyncio.create_task(no_suspend("as task"))
    print("main: task result", c)
    await t

asyncio.run(main())
