# A coroutine held by the frames of a caught exception is reported when the except clause
# ends (its line), not where the exception was raised.
import asyncio


async def ping(n):
    return n


def check(value):
    probe = ping(value)
    if value < 0:
        raise ValueError(f"negative: {value}")
    probe.close()
    return value


async def main():
    try:
        await asyncio.wait([ping(1), ping(2)])
    except TypeError as e:
        print("caught:", e)
    print("after wait")
    for v in (3, -1):
        try:
            print("checked", check(v))
        except ValueError as e:
            print("caught:", e)
            print("still in the handler")
        print("after", v)


asyncio.run(main())
