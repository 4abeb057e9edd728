# timers due in the same iteration resume their tasks in deadline order, not creation order
import asyncio
import time

async def sleeper(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} woke (delay {delay})")

async def main():
    tasks = [
        asyncio.create_task(sleeper("A", 0.30)),
        asyncio.create_task(sleeper("B", 0.10)),
        asyncio.create_task(sleeper("C", 0.20)),
        asyncio.create_task(sleeper("D", 0.15)),
        asyncio.create_task(sleeper("E", 0.10)),
    ]
    await asyncio.sleep(0)
    print("all sleeping; main blocks the loop for 0.5 s")
    time.sleep(0.5)
    print("main yields; every timer is now due")
    await asyncio.gather(*tasks)

asyncio.run(main())
