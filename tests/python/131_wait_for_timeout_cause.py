# wait_for's TimeoutError is raised from the CancelledError that ended what it waited for
# (`raise TimeoutError() from exc`): its __cause__, and the chained traceback of an uncaught one.
import asyncio


async def slow(secs):
    await asyncio.sleep(secs)
    return secs


async def main():
    try:
        await asyncio.wait_for(slow(1), timeout=0.1)
    except asyncio.TimeoutError as e:
        print(type(e).__name__, repr(e.__cause__), e.__suppress_context__)
        print(e.__context__ is e.__cause__)
    t = asyncio.create_task(slow(1))
    try:
        await asyncio.wait_for(t, timeout=0.1)
    except TimeoutError as e:
        print(t.cancelled(), type(e.__cause__).__name__)
    try:
        t.result()
    except asyncio.CancelledError as e:
        print("result", e.args)
    print(await asyncio.wait_for(slow(0.1), timeout=1))
    await asyncio.wait_for(slow(1), timeout=0.2)


asyncio.run(main())
