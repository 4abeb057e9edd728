# gather of 100,000 coroutines that each await asyncio.sleep(0) once.
import asyncio

N = 100_000


async def tick(i):
    await asyncio.sleep(0)
    return i


async def main():
    results = await asyncio.gather(*(tick(i) for i in range(N)))
    print("gathered", len(results), "sum", sum(results))


asyncio.run(main())
