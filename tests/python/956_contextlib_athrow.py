# asynccontextmanager throws the body's exception into the generator at its yield (athrow):
# an except there handles it; aclose() runs the generator's finally; athrow/aclose directly.
import asyncio
from contextlib import asynccontextmanager, aclosing

@asynccontextmanager
async def guard(name):
    print("enter", name)
    try:
        yield name
    except ValueError as e:
        print("handled", e)
    finally:
        await asyncio.sleep(0.1)
        print("exit", name)

async def ticks():
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(0)
    finally:
        print("ticks closed")

async def main():
    async with guard("a") as g:
        raise ValueError("boom")
    print("after a")
    try:
        async with guard("b"):
            raise KeyError("k")
    except KeyError as e:
        print("propagated", repr(e))
    async with aclosing(ticks()) as t:
        async for i in t:
            if i == 2:
                break
    print("done")
    agen = ticks()
    print(await agen.__anext__())
    try:
        await agen.athrow(RuntimeError("x"))
    except RuntimeError as e:
        print("athrow raised", e)
    await agen.aclose()

asyncio.run(main())
