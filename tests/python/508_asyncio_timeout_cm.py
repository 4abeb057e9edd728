# asyncio.timeout(): async context manager; TimeoutError outside, CancelledError inside; None = no limit
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        async with asyncio.timeout(0.2):
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("inside: CancelledError")
                raise
    except TimeoutError as e:
        print("outside: TimeoutError", repr(e), f"{loop.time() - start:.1f}")
    async with asyncio.timeout(0.5) as cm:
        await asyncio.sleep(0.1)
    print("in time; expired:", cm.expired())
    async with asyncio.timeout(None) as cm:
        await asyncio.sleep(0.1)
    print("no limit:", cm.when(), cm.expired())
    try:
        async with asyncio.timeout(0.1) as cm:
            await asyncio.sleep(0.3)
    except TimeoutError:
        print("expired:", cm.expired())
    try:
        async with asyncio.timeout(0):
            await asyncio.sleep(0)
    except TimeoutError:
        print("timeout(0) expires at the first await")

asyncio.run(main())
