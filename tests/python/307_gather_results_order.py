# gather returns results in argument order, not completion order; it accepts coroutines and tasks
import asyncio

async def fetch(name, delay):
    print(f"start {name}")
    await asyncio.sleep(delay)
    print(f"end {name}")
    return name.upper()

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    results = await asyncio.gather(fetch("slow", 0.3), fetch("fast", 0.1), fetch("mid", 0.2))
    print(results, f"{loop.time() - t0:.1f}s")
    t = asyncio.create_task(fetch("task", 0.1))
    mixed = await asyncio.gather(t, fetch("coro", 0))
    print(mixed)
    print(await asyncio.gather())

asyncio.run(main())
