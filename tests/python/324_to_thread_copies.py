# to_thread runs the function off the loop: its prints land while the loop ticks; arguments,
# bound methods, lambdas with defaults and closures, globals as they are now, exceptions back
import asyncio
import time

LIMIT = 3
cache = {"hits": 0}

class Box:
    def __init__(self, v):
        self.v = v
    def double(self):
        return Box(self.v * 2)
    def __repr__(self):
        return f"Box({self.v})"

def work(name, delay):
    print(f"{name} starts")
    time.sleep(delay)
    print(f"{name} ends after {delay}")
    return name.upper(), LIMIT, cache["hits"]

def fails(n):
    time.sleep(0.1)
    return 10 // n

async def ticker():
    await asyncio.sleep(0.05)
    for i in range(4):
        print("tick", i)
        await asyncio.sleep(0.15)

async def main():
    cache["hits"] = 7
    r = await asyncio.gather(asyncio.to_thread(work, "a", 0.2), ticker(), asyncio.to_thread(work, "b", 0.4))
    print(r)
    print(await asyncio.to_thread(Box(21).double))
    print(await asyncio.to_thread(lambda x, y=2: x ** y, 9))
    k = 5
    print(await asyncio.to_thread(lambda: k * 3))
    print(await asyncio.to_thread(sorted, [3, 1, 2], reverse=True))
    try:
        await asyncio.to_thread(fails, 0)
    except ZeroDivisionError as e:
        print("caught", repr(e))
    t = asyncio.create_task(asyncio.to_thread(work, "c", 1.0))
    await asyncio.sleep(0.3)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled the awaiting task")
    await asyncio.sleep(1)
    await asyncio.to_thread(fails, 0)

asyncio.run(main())
