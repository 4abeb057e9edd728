# loop.time() differences around sleeps, sequential vs concurrent (rounded to 0.1 s)
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.sleep(0.2)
    print(f"after 0.2: {loop.time() - start:.1f}")
    await asyncio.sleep(0.1)
    await asyncio.sleep(0.1)
    print(f"after 0.2 more: {loop.time() - start:.1f}")
    t = loop.time()
    await asyncio.gather(asyncio.sleep(0.3), asyncio.sleep(0.2), asyncio.sleep(0.1))
    print(f"gather of 0.3/0.2/0.1 took {loop.time() - t:.1f}")
    t = loop.time()
    await asyncio.sleep(0)
    print(f"sleep(0) took {loop.time() - t:.1f}")
    print(round(loop.time() - start, 1))

asyncio.run(main())
