# a task may catch CancelledError and return normally: then it is not cancelled, it has a result
import asyncio

async def obstinate():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("obstinate: caught cancellation, returning anyway")
    await asyncio.sleep(0.1)
    return "finished regardless"

async def main():
    t = asyncio.create_task(obstinate())
    await asyncio.sleep(0)
    t.cancel()
    result = await t
    print(result, "cancelled:", t.cancelled())

asyncio.run(main())
