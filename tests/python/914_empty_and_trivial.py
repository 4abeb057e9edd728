# trivial and empty cases: empty main, gather of nothing, empty loops, zero-length ranges
import asyncio

async def nothing():
    pass

async def main():
    print(await nothing())
    print(await asyncio.gather())
    for _ in range(0):
        print("never")
    done, pending = await asyncio.wait([asyncio.create_task(nothing())])
    print(len(done), len(pending))
    q = asyncio.Queue()
    print(q.empty(), q.qsize())
    async with asyncio.TaskGroup():
        pass
    print([], {}, "", (), sorted([]), list(reversed([])), sum([]), max([], default=0))

print(asyncio.run(nothing()))
asyncio.run(main())
