# async for: async generators and a class with __aiter__/__anext__; async with a user class
import asyncio

async def ticks(n, delay):
    for i in range(n):
        await asyncio.sleep(delay)
        yield i

class Countdown:
    def __init__(self, start):
        self.n = start

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        await asyncio.sleep(0)
        self.n -= 1
        return self.n + 1

class Connection:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        await asyncio.sleep(0.1)
        print(f"open {self.name}")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0)
        print(f"close {self.name} (error: {exc_type.__name__ if exc_type else None})")
        return exc_type is KeyError

async def main():
    async for i in ticks(3, 0.1):
        print("tick", i)
    print([x async for x in Countdown(4)])
    print([x async for x in ticks(5, 0) if x % 2 == 0])
    async with Connection("db") as conn:
        print("using", conn.name)
    async with Connection("flaky"):
        raise KeyError("suppressed by __aexit__")
    print("after suppressed KeyError")
    gen = ticks(2, 0)
    print(await gen.__anext__(), await gen.__anext__())
    try:
        await gen.__anext__()
    except StopAsyncIteration:
        print("StopAsyncIteration")

asyncio.run(main())
