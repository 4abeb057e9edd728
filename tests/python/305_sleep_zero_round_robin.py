# tasks spinning on sleep(0) take turns in creation order, one step each per loop iteration
import asyncio

async def spinner(name, steps):
    for i in range(steps):
        print(f"{name}{i}", end=" ")
        await asyncio.sleep(0)
    print(f"[{name} done]", end=" ")

async def main():
    tasks = [asyncio.create_task(spinner(n, s)) for n, s in (("a", 3), ("b", 1), ("c", 4))]
    await asyncio.gather(*tasks)
    print()
    print("all done")

asyncio.run(main())
