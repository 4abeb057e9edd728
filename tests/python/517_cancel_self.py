# a task cancels itself: the CancelledError arrives at its next await
import asyncio

async def selfish():
    me = asyncio.current_task()
    me.cancel()
    print("cancel requested; still running this step")
    try:
        await asyncio.sleep(0)
        print("never printed")
    except asyncio.CancelledError:
        print("CancelledError at the next await")
        raise

async def main():
    t = asyncio.create_task(selfish())
    try:
        await t
    except asyncio.CancelledError:
        print("main: task cancelled =", t.cancelled())

asyncio.run(main())
