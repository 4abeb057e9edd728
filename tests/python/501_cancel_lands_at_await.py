# cancel() lands at the task's await: innermost except/finally run first, then it re-raises
import asyncio

async def inner():
    try:
        print("inner: sleeping")
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("inner: got CancelledError")
        raise
    finally:
        print("inner: finally")

async def outer():
    try:
        await inner()
    except asyncio.CancelledError:
        print("outer: got CancelledError")
        raise
    finally:
        print("outer: finally")

async def main():
    t = asyncio.create_task(outer())
    await asyncio.sleep(0.1)
    print("main: cancel() returned", t.cancel())
    print("main: cancelling, done yet?", t.done())
    try:
        await t
    except asyncio.CancelledError:
        print("main: awaiting the task raised CancelledError")
    print("cancelled:", t.cancelled(), "done:", t.done())

asyncio.run(main())
