# A function run by to_thread runs in a worker thread, where no event loop runs: asking for
# the running loop, making a task or starting another to_thread there fails as in CPython
# (natively the engine runs the worker's copy in place; a to_thread inside it started a copy
# inside the copy, for ever).
import asyncio


def work(n):
    try:
        asyncio.get_running_loop()
    except RuntimeError as e:
        print("get_running_loop:", e)
    inner = asyncio.to_thread(work, n + 1)
    try:
        asyncio.create_task(inner)
    except RuntimeError as e:
        print("create_task:", e)
    inner.close()
    return n * 10


async def main():
    print(await asyncio.to_thread(work, 1))
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, work, 2))


asyncio.run(main())
