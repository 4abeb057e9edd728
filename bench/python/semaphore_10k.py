# Semaphore(10) over 10,000 zero-delay tasks: the semaphore demo's program (latency 0) without
# its prints.
import asyncio

N = 10_000


async def call_api(i, sem):
    async with sem:
        await asyncio.sleep(0)
        return i


async def main():
    sem = asyncio.Semaphore(10)
    results = await asyncio.gather(*(call_api(i, sem) for i in range(N)))
    print("calls", len(results), "sum", sum(results))


asyncio.run(main())
