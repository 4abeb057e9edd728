# A functools.partial (and bound methods) sent to a to_thread / run_in_executor worker: the
# asyncio docs' way to pass keyword arguments to run_in_executor.
import asyncio
import functools
import time


def work(x, *, scale=1):
    time.sleep(0.1)
    return x * scale


def apply(f, x):
    return f(x)


class Scaler:
    def __init__(self, factor):
        self.factor = factor

    def scale(self, x, offset=0):
        time.sleep(0.1)
        return x * self.factor + offset


async def main():
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, functools.partial(work, 2, scale=3)))
    print(await asyncio.to_thread(functools.partial(work, 5, scale=2)))
    print(await asyncio.to_thread(apply, functools.partial(pow, 2), 5))
    print(await asyncio.to_thread(functools.partial(work, scale=4), 3))
    s = Scaler(10)
    print(await asyncio.to_thread(s.scale, 4, offset=1))
    print(await loop.run_in_executor(None, functools.partial(s.scale, 2, offset=5)))
    print(await asyncio.to_thread(functools.partial(sorted, reverse=True), [3, 1, 2]))
    print(await asyncio.to_thread("a-b-c".split, "-"))
    results = await asyncio.gather(*(loop.run_in_executor(None, functools.partial(work, i, scale=i)) for i in range(4)))
    print(results)


asyncio.run(main())
