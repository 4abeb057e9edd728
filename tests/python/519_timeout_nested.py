# nested asyncio.timeout blocks: the inner one expires first; an outer expiry is reported by the outer
import asyncio

async def main():
    try:
        async with asyncio.timeout(0.5):
            try:
                async with asyncio.timeout(0.1):
                    await asyncio.sleep(1)
            except TimeoutError:
                print("inner timeout caught inside the outer block")
            await asyncio.sleep(1)
    except TimeoutError:
        print("outer timeout")
    try:
        async with asyncio.timeout(0.1):
            async with asyncio.timeout(0.5):
                await asyncio.sleep(1)
    except TimeoutError:
        print("outer (shorter) timeout fired through the inner block")

asyncio.run(main())
