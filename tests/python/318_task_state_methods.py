# Task.done/cancelled/result/exception, InvalidStateError before completion, result of failures
import asyncio

async def ok():
    await asyncio.sleep(0.1)
    return "ok!"

async def bad():
    await asyncio.sleep(0.1)
    raise ValueError("bad!")

async def main():
    t = asyncio.create_task(ok())
    print(t.done(), t.cancelled())
    try:
        t.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    try:
        t.exception()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    await t
    print(t.done(), t.cancelled(), t.result(), t.exception())
    b = asyncio.create_task(bad())
    await asyncio.sleep(0.2)
    print(b.done(), repr(b.exception()))
    try:
        b.result()
    except ValueError as e:
        print("result() re-raises:", repr(e))
    c = asyncio.create_task(ok())
    await asyncio.sleep(0)
    c.cancel()
    await asyncio.sleep(0)
    print(c.done(), c.cancelled())
    try:
        c.result()
    except asyncio.CancelledError as e:
        print("CancelledError from result()", repr(e))
    print(issubclass(asyncio.InvalidStateError, Exception))

asyncio.run(main())
