# cancellation propagates through a chain of awaited coroutines; finally blocks run innermost first
import asyncio

async def level(n):
    try:
        if n == 0:
            await asyncio.sleep(10)
        else:
            await level(n - 1)
    finally:
        print(f"finally at level {n}")

async def main():
    t = asyncio.create_task(level(3))
    await asyncio.sleep(0.1)
    t.cancel("stop")
    await asyncio.gather(t, return_exceptions=True)
    print("chain cancelled:", t.cancelled())

asyncio.run(main())
