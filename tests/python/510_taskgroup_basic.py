# TaskGroup (3.11): waits for every child; results via task.result() after the block
import asyncio

async def fetch(n):
    await asyncio.sleep(0.1 * n)
    print(f"fetched {n}")
    return n * n

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(fetch(n), name=f"fetch-{n}") for n in (3, 1, 2)]
        print("block body ends before the children")
    print([t.result() for t in tasks], [t.get_name() for t in tasks], f"{loop.time() - start:.1f}")
    async with asyncio.TaskGroup() as tg:
        pass
    print("empty group ok")

asyncio.run(main())
