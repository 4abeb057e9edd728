# asyncio.to_thread runs a blocking function in a thread: time.sleep there does not block the loop
import asyncio
import time

def slow_io(name):
    time.sleep(0.5)
    return f"{name} done"

async def heartbeat(n):
    for i in range(n):
        print(f"beat {i}")
        await asyncio.sleep(0.2)

async def main():
    start = time.monotonic()
    result, _ = await asyncio.gather(asyncio.to_thread(slow_io, "file"), heartbeat(3))
    print(result, f"{time.monotonic() - start:.1f}s")
    r = await asyncio.to_thread(max, [3, 9, 2], key=lambda x: -x)
    print(r)

asyncio.run(main())
