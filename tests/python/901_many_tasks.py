# a thousand tasks: gather of 1000 tiny coroutines, ordering preserved, total work checked
import asyncio

async def square(i):
    await asyncio.sleep(0)
    return i * i

async def main():
    results = await asyncio.gather(*(square(i) for i in range(1000)))
    print(len(results), results[:5], results[-1], sum(results))
    tasks = [asyncio.create_task(square(i)) for i in range(500)]
    print(len(asyncio.all_tasks()))
    total = 0
    for t in tasks:
        total += await t
    print(total, len(asyncio.all_tasks()))

asyncio.run(main())
