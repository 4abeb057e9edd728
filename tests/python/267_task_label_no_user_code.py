# A task's lane label shows its arguments, but never by running a __repr__ of the program's
# (CPython runs none when it wraps a coroutine in a task), nor by writing out a huge list.
import asyncio

class R:
    def __repr__(self):
        print("repr ran")
        c.close()
        return "R"

async def work(x, y=0):
    await asyncio.sleep(0)
    return len(x)

async def main():
    global c
    c = work([R()])
    t = asyncio.create_task(c)
    print(await t)
    big = list(range(100_000))
    print(sum(await asyncio.gather(*(work(big, i) for i in range(2000)))))
    print(await asyncio.create_task(work({"a": 1, "b": (1, 2)})))
    print(await asyncio.create_task(work({"a": 1})))
    print(asyncio.create_task(work([1, 2])).get_name().startswith("Task-"))

asyncio.run(main())
