# Where "coroutine ... was never awaited" is said for coroutines that go at different times:
# a plain function's local when it returns (at its caller's line); one whose frame keeps the
# exception it caught (frame and traceback refer to each other), or that sits in a reference
# cycle, only at shutdown when the collector finds it (sys:1, with the tracemalloc hint); one a
# global holds when the modules go (sys:1 alone, after the cycles).
import asyncio


async def local():
    return 1


async def caught():
    return 2


async def cyclic():
    return 3


async def held():
    return 4


async def in_task():
    return 5


def returns():
    c = local()
    return "returned"


def keeps_its_exception():
    try:
        c = caught()
        raise ValueError("kept")
    except ValueError as e:
        err = e
    return str(err)


class Node:
    pass


def make_cycle():
    n = Node()
    n.me = n
    n.coro = cyclic()


async def main():
    try:
        c = in_task()
        raise KeyError("k")
    except KeyError as e:
        err = e
    print("main ends")


print(returns())
print(keeps_its_exception())
g = held()
asyncio.run(main())
make_cycle()
print("end")
