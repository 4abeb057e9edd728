# wait_for with timeout=0: a finished or instant awaitable succeeds, anything that suspends times out
import asyncio

async def instant():
    return "instant"

async def yields_once():
    await asyncio.sleep(0)
    return "yielded"

async def main():
    done_task = asyncio.create_task(instant())
    await asyncio.sleep(0)
    print(await asyncio.wait_for(done_task, timeout=0))
    for factory in (instant, yields_once):
        try:
            print(await asyncio.wait_for(factory(), timeout=0))
        except asyncio.TimeoutError:
            print(factory.__name__, "timed out")
    try:
        await asyncio.wait_for(asyncio.sleep(10), timeout=-1)
    except asyncio.TimeoutError:
        print("negative timeout also times out")

asyncio.run(main())
