# when the outer task is cancelled, a shielded coroutine is left running and finishes later
import asyncio

log = []

async def save(n):
    await asyncio.sleep(0.2)
    log.append(n)
    print("saved", n)

async def handler(n):
    await asyncio.shield(save(n))
    print("handler finished", n)

async def main():
    handlers = [asyncio.create_task(handler(n)) for n in range(3)]
    await asyncio.sleep(0.1)
    handlers[1].cancel()
    results = await asyncio.gather(*handlers, return_exceptions=True)
    print([type(r).__name__ for r in results], log)
    await asyncio.sleep(0)
    print(log)

asyncio.run(main())
