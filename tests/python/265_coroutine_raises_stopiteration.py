# PEP 479 for coroutines and async generators: a StopIteration leaking out of a coroutine, or a
# StopIteration or StopAsyncIteration out of an async generator's body, becomes RuntimeError,
# caused by it (the async generator's StopAsyncIteration used to end its iteration quietly).
import asyncio


async def leaks():
    await asyncio.sleep(0)
    raise StopIteration(5)


async def ag_stop_async():
    yield 1
    raise StopAsyncIteration


async def ag_stop():
    yield 1
    raise StopIteration


async def main():
    try:
        await leaks()
    except RuntimeError as e:
        print(type(e).__name__, e, "| cause:", type(e.__cause__).__name__, e.__cause__.args)
    t = asyncio.create_task(leaks())
    try:
        await t
    except RuntimeError as e:
        print("task:", e)
    for ag in [ag_stop_async, ag_stop]:
        try:
            print([x async for x in ag()])
        except RuntimeError as e:
            print(ag.__name__, "->", e, "| cause:", type(e.__cause__).__name__)
    # Raising StopAsyncIteration by hand in __anext__ of a class is how iteration ends.
    class Two:
        def __init__(self):
            self.n = 0

        def __aiter__(self):
            return self

        async def __anext__(self):
            self.n += 1
            if self.n > 2:
                raise StopAsyncIteration
            return self.n

    print([x async for x in Two()])
    # A generator's return ends it; a StopIteration caught inside is just an exception.
    async def catches():
        try:
            raise StopIteration
        except StopIteration:
            return "caught inside"

    print(await catches())


asyncio.run(main())
