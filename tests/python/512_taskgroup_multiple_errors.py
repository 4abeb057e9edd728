# TaskGroup: errors raised in the same turn are all collected; the body's own error joins them
import asyncio

async def fail(msg, delay):
    await asyncio.sleep(delay)
    raise RuntimeError(msg)

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail("one", 0.1))
            tg.create_task(fail("two", 0.1))
    except ExceptionGroup as eg:
        print(eg.message, [str(e) for e in eg.exceptions])
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail("child", 0.1))
            await asyncio.sleep(0)
            raise KeyError("body")
    except BaseExceptionGroup as eg:
        print(type(eg).__name__, [repr(e) for e in eg.exceptions])
    eg = ExceptionGroup("manual", [ValueError(1), TypeError(2)])
    print(repr(eg), eg.exceptions, isinstance(eg, Exception))

asyncio.run(main())
