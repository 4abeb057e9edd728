# The cb=[...] part of a pending task's repr names the done-callbacks asyncio added as it made
# or took the task: a TaskGroup's _on_task_done, gather's _done_callback on each child, before
# the wake-ups of tasks awaiting it; a finished task shows none. Paths are printed from main.py
# and asyncio/ on.
import asyncio
import re


def shown(task):
    return re.sub(r" at /\S*/(main\.py|asyncio/)", r" at \1", repr(task))


async def work(n):
    await asyncio.sleep(n)
    return n


async def whoami():
    print(shown(asyncio.current_task()))
    return "me"


async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(work(0.1))
        print(shown(a))
        await asyncio.sleep(0)
        print(shown(a))
    print(shown(a))
    g = asyncio.gather(work(0.1), whoami())
    await asyncio.sleep(0)
    for t in sorted(asyncio.all_tasks(), key=lambda t: t.get_name()):
        print(shown(t))
    print(await g)
    t = asyncio.create_task(whoami())
    await t
    print(shown(t))
    t = asyncio.create_task(asyncio.wait_for(work(5), 0.05))
    await asyncio.sleep(0.01)
    print(shown(t))
    try:
        await t
    except TimeoutError:
        print(shown(t))
    async with asyncio.timeout(1):
        print(shown(asyncio.current_task()))


asyncio.run(main())
