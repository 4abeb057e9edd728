# a coroutine stored in a variable then replaced is never awaited: warning when the first is dropped
import asyncio

async def fetch(n):
    return n

async def main():
    c = fetch(1)
    print("created", type(c).__name__)
    c = fetch(2)
    print("reassigned")
    print("awaited:", await c)

asyncio.run(main())
