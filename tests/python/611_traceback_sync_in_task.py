# traceback of an exception raised in a plain function called from a task that main awaits
import asyncio

def compute(values):
    return sum(values) / len(values)

def average_of(values):
    return compute(values)

async def worker(values):
    await asyncio.sleep(0.1)
    return average_of(values)

async def main():
    print(await asyncio.create_task(worker([1, 2, 3])))
    print(await asyncio.create_task(worker([])))

asyncio.run(main())
