# wait_for's timeout cancels the inner task and waits for its cleanup (even with awaits) before raising
import asyncio

async def slow_op():
    try:
        print("op: started")
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("op: cancelled, cleaning up")
        await asyncio.sleep(0.2)
        print("op: cleanup done")
        raise
    finally:
        print("op: finally")

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        await asyncio.wait_for(slow_op(), timeout=0.3)
    except TimeoutError:
        print(f"main: TimeoutError after {loop.time() - start:.1f}s")

asyncio.run(main())
