# Condition: notify(n) wakes n waiters in FIFO order, notify_all wakes the rest
import asyncio

async def consumer(name, cond, box):
    async with cond:
        print(f"{name} waits")
        await cond.wait()
        print(f"{name} woke, box={box}")

async def main():
    cond = asyncio.Condition()
    box = []
    tasks = [asyncio.create_task(consumer(f"c{i}", cond, box)) for i in range(4)]
    await asyncio.sleep(0)
    async with cond:
        box.append("first")
        cond.notify()
        print("notified 1")
    await asyncio.sleep(0.1)
    async with cond:
        box.append("second")
        cond.notify(2)
        print("notified 2")
    await asyncio.sleep(0.1)
    async with cond:
        cond.notify_all()
        print("notified all")
    await asyncio.gather(*tasks)
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
