# Awaiting an object whose __await__ is a generator (yield from another awaitable's
# __await__(), a bare yield, yielding a future) or returns iter([]), and types.coroutine;
# what an __await__ that returns a non-iterator, or yields something else, raises.
import asyncio
import types


class Waiter:
    def __init__(self, n):
        self.n = n

    def __await__(self):
        yield from asyncio.sleep(self.n).__await__()
        return f"waited {self.n}"


class Ready:
    def __await__(self):
        return iter([])


class Twice:
    def __await__(self):
        print("  twice: first turn")
        yield
        print("  twice: second turn")
        yield
        return "twice done"


class OnFuture:
    def __init__(self, fut):
        self.fut = fut

    def __await__(self):
        got = yield from self.fut.__await__()
        return ("future gave", got)


class Bad:
    def __await__(self):
        return 42


class BadYield:
    def __await__(self):
        try:
            yield 5
        except RuntimeError as e:
            print("  thrown back in:", e)
        return "recovered"


class Raising:
    def __await__(self):
        try:
            yield from asyncio.sleep(0.01).__await__()
            yield from Failing().__await__()
        except ValueError as e:
            return f"caught {e}"


async def failing():
    await asyncio.sleep(0)
    raise ValueError("inner failed")


class Failing:
    def __await__(self):
        return failing().__await__()


async def ticker():
    for i in range(3):
        print("  tick", i)
        await asyncio.sleep(0)


async def main():
    print(await Waiter(0.1))
    print(await Ready())
    t = asyncio.create_task(ticker())
    print(await Twice())
    await t
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.05, fut.set_result, "hello")
    print(await OnFuture(fut))
    print(await Raising())
    print(await BadYield())

    @types.coroutine
    def legacy():
        yield
        return "legacy"

    print(await legacy())
    print(legacy.__name__)

    @types.coroutine
    def legacy_sleep(n):
        yield from asyncio.sleep(n).__await__()
        return n

    print(await legacy_sleep(0.02))
    print(await asyncio.gather(Waiter(0.01), legacy_sleep(0.03)))

    async def native():
        return "native"

    print(types.coroutine(native) is native)
    try:
        types.coroutine(5)
    except TypeError as e:
        print("TypeError:", e)
    try:
        await Bad()
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
