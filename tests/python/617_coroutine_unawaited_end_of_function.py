# a coroutine held in a local variable is dropped when its function returns: the warning comes then
import asyncio

async def save(x):
    print("saving", x)

def helper():
    pending = save("from helper")
    print("helper returns without awaiting")

async def main():
    helper()
    print("back in main")
    await save("properly")

asyncio.run(main())
