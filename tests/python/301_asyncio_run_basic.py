# asyncio.run returns the coroutine's value; await of coroutines runs inline; sleep ordering
import asyncio

async def add(a, b):
    print(f"add({a}, {b})")
    await asyncio.sleep(0.1)
    return a + b

async def main():
    print("main starts")
    x = await add(1, 2)
    y = await add(x, 10)
    print("main got", x, y)
    return x * y

result = asyncio.run(main())
print("asyncio.run returned", result)
