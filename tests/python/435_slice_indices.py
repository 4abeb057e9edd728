# slice.indices(length): the start, stop and step a sequence of that length uses, clamped as
# CPython clamps them, with its errors (length first, then the step, then the bounds)
import asyncio


async def window(data, s):
    await asyncio.sleep(0)
    start, stop, step = s.indices(len(data))
    return [data[i] for i in range(start, stop, step)] == data[s]


async def main():
    s = slice(1, None, 2)
    for n in (10, 0, 3):
        print(n, s.indices(n))
    print(slice(None).indices(5), slice(-3, -1).indices(5), slice(None, None, -1).indices(5))
    print(slice(-100, 100, -3).indices(7), slice(5, 1, -2).indices(3), slice(2**40, -2**40).indices(10))
    print(slice(True, 3).indices(False), slice(None, None, None).indices(True))
    data = list(range(12))
    checks = [slice(1, None, 2), slice(-4, None), slice(None, None, -3), slice(10, 2, -2), slice(50, 60)]
    print(await asyncio.gather(*(window(data, c) for c in checks)))
    for bad in [
        lambda: slice(1, 2, 0).indices(5),
        lambda: slice(1).indices(-1),
        lambda: slice(1).indices("a"),
        lambda: slice("a").indices(3),
        lambda: slice(1, 2, 0).indices(-1),
        lambda: slice(1).indices(),
        lambda: slice(1).indices(1, 2),
    ]:
        try:
            print(bad())
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)


asyncio.run(main())
