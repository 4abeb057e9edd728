# SystemExit raised inside a coroutine passes through asyncio.run; exit status is the code
import asyncio
import sys

async def background():
    try:
        await asyncio.sleep(10)
    finally:
        print("background cleaned up")

async def main():
    asyncio.create_task(background())
    await asyncio.sleep(0.1)
    print("exiting with status 2")
    sys.exit(2)

try:
    asyncio.run(main())
except SystemExit as e:
    print("SystemExit code:", e.code)
    raise
