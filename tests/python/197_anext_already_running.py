# A second step of an async generator while one is still running (suspended at an await
# inside it) is refused with RuntimeError, as CPython refuses it; the running step finishes
# normally and the generator goes on.
import asyncio


async def agen():
    print("agen start")
    try:
        await asyncio.sleep(1)
        yield 1
        await asyncio.sleep(1)
        yield 2
    finally:
        print("agen finally")


async def main():
    g = agen()
    print("before:", g.ag_running)
    t = asyncio.create_task(anext(g))
    await asyncio.sleep(0)
    print("while a step runs:", g.ag_running)
    for attempt in ("anext", "__anext__", "asend", "athrow", "aclose", "anext with default"):
        try:
            if attempt == "anext":
                r = await anext(g)
            elif attempt == "__anext__":
                r = await g.__anext__()
            elif attempt == "asend":
                r = await g.asend(None)
            elif attempt == "athrow":
                r = await g.athrow(ValueError("x"))
            elif attempt == "aclose":
                r = await g.aclose()
            else:
                r = await anext(g, "default")
            print(attempt, "gave", r)
        except Exception as e:
            print(attempt, type(e).__name__, e)
    print("first step:", await t, g.ag_running)
    print("second step:", await anext(g))
    try:
        await anext(g)
    except StopAsyncIteration:
        print("exhausted", g.ag_running)
    print(await anext(g, "default after the end"))

    # Two tasks iterating one generator: the second is refused while the first is inside it.
    async def consume(name, gen):
        try:
            async for x in gen:
                print(name, "got", x)
        except RuntimeError as e:
            print(name, "refused:", e)

    g2 = agen()
    await asyncio.gather(consume("one", g2), consume("two", g2))
    await g2.aclose()


asyncio.run(main())
