# gather of gathers and of already-finished tasks; results nest the same way
import asyncio

async def leaf(n):
    await asyncio.sleep(n / 10)
    print("leaf", n)
    return n

async def main():
    a = asyncio.gather(leaf(3), leaf(1))
    b = asyncio.gather(leaf(2), asyncio.gather(leaf(0), leaf(1)))
    print(await asyncio.gather(a, b))
    done = asyncio.create_task(leaf(0))
    await done
    print(await asyncio.gather(done, done, leaf(1)))

asyncio.run(main())
