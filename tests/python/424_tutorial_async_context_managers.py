# Tutorial: async context managers three ways: a class with __aenter__/__aexit__,
# @asynccontextmanager (a timer printing .1f, a connection wrapper), AsyncExitStack with
# push_async_callback, an exception passing through, suppress() around asyncio.timeout
import asyncio
from contextlib import asynccontextmanager, AsyncExitStack, suppress
import time

class Connection:
    def __init__(self, name):
        self.name = name
        self.open = False

    async def __aenter__(self):
        await asyncio.sleep(0.05)
        self.open = True
        print(f"opened {self.name}")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.05)
        self.open = False
        print(f"closed {self.name} (exc={exc_type.__name__ if exc_type else None})")
        return False

@asynccontextmanager
async def timer(label):
    start = time.perf_counter()
    try:
        yield
    finally:
        print(f"{label}: {time.perf_counter() - start:.1f}s")

@asynccontextmanager
async def get_connection(name):
    conn = Connection(name)
    async with conn:
        yield conn

async def main():
    async with timer("block"):
        async with get_connection("db") as conn:
            print(conn.name, conn.open)
            await asyncio.sleep(0.1)
    print(conn.open)

    async with AsyncExitStack() as stack:
        conns = [await stack.enter_async_context(Connection(f"c{i}")) for i in range(3)]
        print([c.open for c in conns])
        stack.push_async_callback(asyncio.sleep, 0)
    try:
        async with get_connection("boom"):
            raise ValueError("bad")
    except ValueError as e:
        print("caught", e)
    with suppress(asyncio.TimeoutError):
        async with asyncio.timeout(0.01):
            async with timer("inner"):
                await asyncio.sleep(1)
    print("done")

asyncio.run(main())
