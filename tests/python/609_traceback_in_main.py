# an uncaught exception in main(): traceback on stderr, exit status 1, earlier output kept
import asyncio

async def main():
    print("about to fail")
    data = {"a": 1}
    await asyncio.sleep(0)
    return data["b"]

asyncio.run(main())
print("not reached")
