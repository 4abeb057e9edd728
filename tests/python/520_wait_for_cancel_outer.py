# cancelling a task that sits in wait_for cancels the inner awaitable too
import asyncio

async def inner():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("inner cancelled")
        raise

async def outer():
    try:
        await asyncio.wait_for(inner(), timeout=10)
    except asyncio.CancelledError:
        print("outer cancelled (not a timeout)")
        raise

async def main():
    t = asyncio.create_task(outer())
    await asyncio.sleep(0.1)
    t.cancel()
    await asyncio.wait([t])
    print("outer cancelled:", t.cancelled())

asyncio.run(main())
