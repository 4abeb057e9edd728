# Tutorial mistake: asyncio.gather(coros) with the list itself instead of gather(*coros) fails
# with "unhashable type: 'list'"; the coroutines in the list are never awaited, reported when
# the traceback that holds gather's frame goes (here at shutdown, after the uncaught error)
import asyncio

async def fetch(i):
    await asyncio.sleep(0.01)
    return i * 10

async def main():
    print(await asyncio.gather(*[fetch(i) for i in range(3)]))
    results = await asyncio.gather([fetch(i) for i in range(3)])
    print(results)

asyncio.run(main())
