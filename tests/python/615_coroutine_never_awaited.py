# calling an async function without await creates a coroutine that is never run (warning on stderr)
import asyncio

async def greet(name):
    print("hello", name)

async def main():
    greet("dropped")
    print("the call above did nothing")
    await greet("awaited")

asyncio.run(main())
