# Many tasks: 10,000 asyncio.create_task, each sleeping once on the (virtual) clock, then gather.
import asyncio

N = 10_000


async def job(i):
    await asyncio.sleep(0.001 * (i % 10))
    return i * 2


async def main():
    tasks = [asyncio.create_task(job(i)) for i in range(N)]
    results = await asyncio.gather(*tasks)
    print("tasks", len(results), "sum", sum(results))


asyncio.run(main())
