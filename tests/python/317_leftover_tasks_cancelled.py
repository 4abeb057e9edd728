# asyncio.run cancels tasks still pending when main ends; their except/finally blocks run
# (one leftover per run: asyncio.run cancels several in its set's order, which CPython leaves open)
import asyncio

async def background(name, delay):
    try:
        while True:
            await asyncio.sleep(delay)
            print(f"{name} tick")
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise
    finally:
        print(f"{name} cleanup")

async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn: caught cancel, cleaning up with an await")
        await asyncio.sleep(0.1)
        print("stubborn: cleanup finished")
        return "swallowed"

async def main(leftover):
    asyncio.create_task(leftover)
    await asyncio.sleep(0.9)
    print("main ends")

asyncio.run(main(background("fast", 0.2)))
print("run returned")
asyncio.run(main(stubborn()))
print("run returned")
