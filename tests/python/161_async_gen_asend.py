# Async generators driven by hand: asend (None first; a value into a just-started one is a
# TypeError), athrow, aclose, and what each does once the generator has ended.
import asyncio

async def ticker(n):
    total = 0
    for i in range(n):
        got = yield i
        if got:
            total += got
    print("ticker total", total)

async def main1():
    g = ticker(5)
    print(await g.asend(None))
    print(await g.asend(10))
    print(await g.asend(20))
    try:
        await g.athrow(ValueError("stop"))
    except ValueError as e:
        print("athrow raised", e)
    await g.aclose()
    async for x in ticker(3):
        print("x", x)



async def gen():
    x = yield 1
    print("got", x)
    y = yield 2
    print("got", y)

async def main():
    g = gen()
    try:
        await g.asend(5)
    except TypeError as e:
        print("TypeError:", e)
    print(await g.asend(None))
    print(await g.asend("a"))
    try:
        await g.asend("b")
    except StopAsyncIteration:
        print("done")
    try:
        await g.asend("c")
    except StopAsyncIteration:
        print("still done")
    h = gen()
    print(await h.__anext__())
    await h.aclose()
    try:
        await h.asend(1)
    except StopAsyncIteration:
        print("closed")

asyncio.run(main1())
asyncio.run(main())
