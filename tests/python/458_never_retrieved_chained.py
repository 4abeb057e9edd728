# "Task exception was never retrieved" for a chained exception: the whole chain is logged,
# each part under its own "Traceback (most recent call last):", joined by "The above
# exception was the direct cause…" (raise … from) or "During handling…" (raised in except).
import asyncio


async def lookup(key):
    return {}[key]


async def explicit():
    try:
        await lookup("k")
    except KeyError as e:
        raise ValueError("wrapped") from e


async def implicit():
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("while handling")


async def main():
    t1 = asyncio.create_task(explicit())
    t2 = asyncio.create_task(implicit())
    await asyncio.sleep(0.1)
    print(t1.done(), t2.done())
    del t1
    await asyncio.sleep(0.1)
    print("first dropped")
    del t2
    await asyncio.sleep(0.1)
    print("main done")


asyncio.run(main())
