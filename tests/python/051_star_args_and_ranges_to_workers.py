# Unpacking with * in a call: an exception raised while a generator is consumed is the
# program's own (not "argument after * must be an iterable"), a value that cannot be iterated
# gets CPython's message, and ranges go to to_thread's worker as they are.
import asyncio


def f(*args):
    return args


def gen(n):
    for i in range(n):
        if i == 2:
            raise ValueError(f"bad item {i}")
        yield i


class NoIter:
    pass


class BadIter:
    def __iter__(self):
        raise KeyError("inside __iter__")


print(f(*(x * x for x in range(4))), f(*range(3)), f(*"ab"), f(*{1: "a", 2: "b"}))
for thing in (gen(5), 42, NoIter(), BadIter(), None):
    try:
        print(f(*thing))
    except Exception as e:
        print(type(e).__name__, e)


async def main():
    print(await asyncio.to_thread(sum, range(10)))
    print(await asyncio.to_thread(len, range(0, 100, 7)))
    r = await asyncio.gather(*(asyncio.to_thread(sum, range(n)) for n in (10, 100)))
    print(r)
    print(await asyncio.to_thread(list, range(10, 0, -3)))

    def last(r):
        return r[-1], r.step

    print(await asyncio.to_thread(last, range(5, 50, 5)))


asyncio.run(main())
