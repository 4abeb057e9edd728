# CancelledError is a BaseException: `except Exception` does not catch it
import asyncio

async def careless():
    try:
        await asyncio.sleep(1)
    except Exception as e:
        print("never printed", e)
    return "not reached"

async def main():
    print(issubclass(asyncio.CancelledError, Exception), issubclass(asyncio.CancelledError, BaseException))
    t = asyncio.create_task(careless())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except Exception:
        print("not caught here either")
    except BaseException as e:
        print("caught as BaseException:", type(e).__name__)
    print(t.cancelled())

asyncio.run(main())
