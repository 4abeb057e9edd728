# A coroutine a failing frame still held is reported never awaited only when its traceback
# goes: after the uncaught exception's traceback, at shutdown (sys:1).
import asyncio


async def fetch(n):
    await asyncio.sleep(0.1)
    return n


def parse(raw):
    pending = fetch(2)
    return int(raw)


async def main():
    print(await fetch(1))
    first = fetch(3)
    print(parse("12"))
    print(parse("twelve"))


asyncio.run(main())
