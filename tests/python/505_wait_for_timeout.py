# wait_for: result when in time, TimeoutError when not (the inner coroutine is cancelled)
import asyncio

async def work(delay):
    try:
        await asyncio.sleep(delay)
        return f"done in {delay}"
    except asyncio.CancelledError:
        print(f"  work({delay}) cancelled by wait_for")
        raise

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    print(await asyncio.wait_for(work(0.1), timeout=0.5))
    try:
        await asyncio.wait_for(work(1.0), timeout=0.2)
    except asyncio.TimeoutError as e:
        print("TimeoutError:", repr(e), type(e).__name__, e.args)
    print(f"elapsed {loop.time() - start:.1f}")
    print(asyncio.TimeoutError is TimeoutError)
    print(await asyncio.wait_for(work(0.1), timeout=None))

asyncio.run(main())
