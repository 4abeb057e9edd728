# create_task does not start the task: it first runs after the creator's next await
import asyncio

async def worker(name):
    print(f"  {name}: first step")
    await asyncio.sleep(0)
    print(f"  {name}: second step")

async def main():
    print("main: creating A and B")
    a = asyncio.create_task(worker("A"))
    b = asyncio.create_task(worker("B"))
    print("main: created both, nothing ran yet")
    for i in range(3):
        print(f"main: before await #{i}")
        await asyncio.sleep(0)
        print(f"main: after await #{i}")
    await a
    await b
    print("main: done")

asyncio.run(main())
