# gather without return_exceptions: the failing child's traceback reaches main, uncaught
import asyncio

async def ok(n):
    await asyncio.sleep(0.1 * n)
    print("ok", n)
    return n

async def broken():
    await asyncio.sleep(0.15)
    raise KeyError("missing-key")

async def main():
    await asyncio.gather(ok(1), broken(), ok(3))

asyncio.run(main())
