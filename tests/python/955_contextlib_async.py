# contextlib's async side: @asynccontextmanager (awaiting in setup and teardown, a try/finally
# around the yield when the body fails or times out, the generator that does not yield, as a
# decorator of an async def), nullcontext in async with, aclosing
import asyncio
from contextlib import aclosing, asynccontextmanager, nullcontext


@asynccontextmanager
async def connection(name, log):
    log.append(f"connect {name}")
    await asyncio.sleep(0.1)
    try:
        yield f"conn-{name}"
    finally:
        await asyncio.sleep(0.1)
        log.append(f"close {name}")


@asynccontextmanager
async def no_yield():
    await asyncio.sleep(0)
    if False:
        yield


@asynccontextmanager
async def timed(label):
    loop = asyncio.get_running_loop()
    start = loop.time()
    yield
    print(f"  {label} took {loop.time() - start:.1f}s")


@timed("decorated call")
async def slow_add(a, b):
    await asyncio.sleep(0.2)
    return a + b


class Stream:
    def __init__(self):
        self.closed = False

    async def aclose(self):
        await asyncio.sleep(0)
        self.closed = True


async def use(name, log, fail, delay=0.1):
    async with connection(name, log) as conn:
        log.append(f"use {conn}")
        await asyncio.sleep(delay)
        if fail:
            raise ValueError(f"{name} failed")
    return name


async def main():
    log = []
    print(await asyncio.gather(use("a", log, False), use("b", log, False)))
    print(log)
    log = []
    try:
        await use("c", log, True)
    except ValueError as e:
        print("caught:", e, log)
    log = []
    try:
        async with asyncio.timeout(0.2):
            await use("d", log, False, delay=0.4)
    except TimeoutError:
        print("timed out:", log)
    try:
        async with no_yield():
            print("never here")
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(await slow_add(2, 3))
    async with timed("block"):
        await asyncio.sleep(0.3)
    async with nullcontext("plain") as v:
        print("nullcontext:", v)
    async with aclosing(Stream()) as s:
        print("closed inside:", s.closed)
    print("closed after:", s.closed)


asyncio.run(main())
