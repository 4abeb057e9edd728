# shield: cancelling the waiter does not cancel the shielded task, which finishes on its own
import asyncio

async def important():
    print("important: started")
    await asyncio.sleep(0.3)
    print("important: finished")
    return "saved"

async def waiter(task):
    try:
        return await asyncio.shield(task)
    except asyncio.CancelledError:
        print("waiter: cancelled while shielded")
        raise

async def main():
    inner = asyncio.create_task(important())
    w = asyncio.create_task(waiter(inner))
    await asyncio.sleep(0.1)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("main: waiter cancelled; inner done?", inner.done())
    print("main: inner result", await inner)
    try:
        await asyncio.wait_for(asyncio.shield(important()), timeout=0.1)
    except TimeoutError:
        print("main: wait_for timed out, shielded coroutine keeps going")
    await asyncio.sleep(0.3)

asyncio.run(main())
