# gather(return_exceptions=True) puts exceptions in the result list, in argument order
import asyncio

async def maybe(n):
    await asyncio.sleep(0.1 * (3 - n % 3))
    if n % 2:
        raise ValueError(f"odd {n}")
    return n

async def main():
    results = await asyncio.gather(*(maybe(n) for n in range(5)), return_exceptions=True)
    for r in results:
        print(type(r).__name__, repr(r))
    ok = [r for r in results if not isinstance(r, Exception)]
    print("ok:", ok, "errors:", len(results) - len(ok))
    c = asyncio.create_task(asyncio.sleep(1))
    g = asyncio.gather(c, maybe(0), return_exceptions=True)
    await asyncio.sleep(0)
    c.cancel()
    print(await g)

asyncio.run(main())
