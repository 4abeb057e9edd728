# BoundedSemaphore raises ValueError on over-release; plain Semaphore just grows
import asyncio

async def main():
    b = asyncio.BoundedSemaphore(2)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("ValueError:", e)
    s = asyncio.Semaphore(1)
    s.release()
    s.release()
    acquired = 0
    while not s.locked():
        await s.acquire()
        acquired += 1
    print("plain semaphore allowed", acquired, "acquires")
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)
    async with b:
        async with b:
            print("inside both, locked:", b.locked())
    print("after, locked:", b.locked())

asyncio.run(main())
