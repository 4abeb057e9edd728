# a task sleeping for a very long time is cancelled almost at once; the program stays fast
import asyncio

async def forever():
    try:
        await asyncio.sleep(10 ** 6)
    finally:
        print("forever's finally ran")

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    t = asyncio.create_task(forever())
    await asyncio.sleep(0.1)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print(f"elapsed {loop.time() - start:.1f}")
    try:
        await asyncio.wait_for(asyncio.sleep(3600), timeout=0.1)
    except TimeoutError:
        print(f"wait_for gave up at {loop.time() - start:.1f}")

asyncio.run(main())
