# cancel(msg): the message travels in CancelledError.args; without a message args is empty
import asyncio

async def sleeper(tag):
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError as e:
        print(f"{tag}: inside, args={e.args!r}")
        raise

async def main():
    t1 = asyncio.create_task(sleeper("t1"))
    t2 = asyncio.create_task(sleeper("t2"))
    await asyncio.sleep(0)
    t1.cancel("shutting down")
    t2.cancel()
    for t in (t1, t2):
        try:
            await t
        except asyncio.CancelledError as e:
            print("outside:", repr(e), e.args)

asyncio.run(main())
