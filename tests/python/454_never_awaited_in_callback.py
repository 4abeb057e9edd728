# A coroutine function passed to loop.call_soon (a common slip: a callback must be a plain
# function) makes a coroutine that nobody awaits: it goes as the callback returns, at the line
# of asyncio's Handle._run that runs callbacks.
import asyncio


async def refresh():
    print("never printed")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(refresh)
    loop.call_soon(lambda: refresh())
    loop.call_soon(print, "a plain callback runs")
    await asyncio.sleep(0)
    print("main ends")


asyncio.run(main())
