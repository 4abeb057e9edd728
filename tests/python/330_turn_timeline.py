# three workers mixing sleep(0) and distinct timer deadlines, while a sleep(0) spinner runs
import asyncio

turn = 0
running = True

async def counter():
    global turn
    while running:
        await asyncio.sleep(0)
        turn += 1

async def worker(name, delays):
    for d in delays:
        print(f"{name}: sleeps {d}")
        await asyncio.sleep(d)
    print(f"{name}: finished")

async def main():
    global running
    c = asyncio.create_task(counter())
    await asyncio.gather(
        worker("A", [0, 0.2, 0]),
        worker("B", [0.1, 0, 0]),
        worker("C", [0, 0, 0.3]),
    )
    running = False
    await c
    print("finished")

asyncio.run(main())
