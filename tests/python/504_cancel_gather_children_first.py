# cancelling a task awaiting gather cancels the children first: their except blocks print first
import asyncio

async def child(name, delay):
    try:
        await asyncio.sleep(delay)
        return name
    except asyncio.CancelledError:
        print(f"child {name} cancelled")
        raise

async def parent():
    try:
        return await asyncio.gather(child("a", 1), child("b", 2), child("c", 0.1))
    except asyncio.CancelledError:
        print("parent cancelled")
        raise

async def main():
    p = asyncio.create_task(parent())
    await asyncio.sleep(0.2)
    p.cancel()
    try:
        await p
    except asyncio.CancelledError:
        print("main saw the parent cancelled")

asyncio.run(main())
