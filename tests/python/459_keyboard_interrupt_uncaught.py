# An uncaught KeyboardInterrupt raised inside asyncio.run: its traceback, then CPython re-raises
# it as SIGINT, so the shell's exit status is 130 (128 + 2), not 1. A handler that catches it
# first sees it as any other exception.
import asyncio


async def worker():
    await asyncio.sleep(0.1)
    raise KeyboardInterrupt("pressed")


async def main():
    try:
        await worker()
    except KeyboardInterrupt as e:
        print("caught once:", repr(e), isinstance(e, Exception))
    print("again, uncaught")
    await worker()


asyncio.run(main())
