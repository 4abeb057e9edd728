# cancelling one child of gather: without return_exceptions gather raises CancelledError
import asyncio

async def child(name, d):
    await asyncio.sleep(d)
    print(f"{name} finished")
    return name

async def main():
    a = asyncio.create_task(child("a", 0.2))
    b = asyncio.create_task(child("b", 0.1))
    g = asyncio.gather(a, b)
    await asyncio.sleep(0)
    a.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather raised CancelledError; b done?", b.done())
    await asyncio.sleep(0.2)
    print("b result:", b.result())
    c = asyncio.create_task(child("c", 0.1))
    g2 = asyncio.gather(c, child("d", 0.2))
    await asyncio.sleep(0)
    g2.cancel()
    try:
        await g2
    except asyncio.CancelledError:
        print("cancelling the gather cancelled c:", c.cancelled())

asyncio.run(main())
