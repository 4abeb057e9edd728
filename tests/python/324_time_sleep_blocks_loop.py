# time.sleep in a coroutine blocks the whole loop: a 0.2 s ticker cannot tick meanwhile
import asyncio
import time

ticks = 0

async def ticker():
    global ticks
    while True:
        await asyncio.sleep(0.2)
        ticks += 1

async def main():
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0.5)
    print("ticks after asyncio.sleep(0.5):", ticks)
    before = ticks
    time.sleep(0.5)
    print("ticks during time.sleep(0.5):", ticks - before)
    seen = []
    for _ in range(3):
        await asyncio.sleep(0)
        seen.append(ticks - before)
    print("ticks seen after each of three sleep(0):", seen)
    before = ticks
    await asyncio.sleep(0.5)
    print("ticks during asyncio.sleep(0.5):", ticks - before)
    t.cancel()

asyncio.run(main())
