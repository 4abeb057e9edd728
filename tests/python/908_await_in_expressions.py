# await wherever an expression may stand: arguments, f-strings, conditions, comprehensions, returns
import asyncio

async def val(x):
    await asyncio.sleep(0)
    return x

async def main():
    print(await val(1) + await val(2))
    print(f"{await val('in an f-string')}!")
    if await val(True):
        print("await in a condition")
    print([await val(i) * 2 for i in range(3)])
    print({k: await val(k.upper()) for k in "ab"})
    print(max(await val(3), await val(7)), [await val(None)][0])
    x = await val(5) if await val(False) else await val(6)
    print(x)
    while (n := await val(0)) > 0:
        pass
    print("walrus with await:", n)
    data = {"key": await val([1, 2])}
    data["key"][await val(0)] = await val("changed")
    print(data)
    print(await asyncio.gather(*[val(i) for i in range(3)]))
    return await val("returned")

print(asyncio.run(main()))
