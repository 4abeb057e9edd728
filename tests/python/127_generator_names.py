# Generators, coroutines and async generators have __name__ and __qualname__ (the
# function's), as their reprs' names show.
import asyncio


class Feed:
    async def items(self):
        yield 1
        yield 2

    def numbers(self):
        yield 3

    async def fetch(self):
        return 4


def outer():
    def inner():
        yield 5

    return inner()


async def main():
    feed = Feed()
    agen = feed.items()
    gen = feed.numbers()
    coro = feed.fetch()
    for obj in (agen, gen, coro, outer()):
        print(type(obj).__name__, obj.__name__, obj.__qualname__)
    print([x async for x in agen], list(gen), await coro)
    squares = (n * n for n in range(3))
    print(squares.__name__, squares.__qualname__, list(squares))


asyncio.run(main())
