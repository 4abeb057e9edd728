# A task's repr, as asyncio's _task_repr_info writes it: state, name, its coroutine and where it
# runs (its line, or where it is defined once done), what it waits for, its outcome, and the
# main task's run_until_complete callback; asyncio's own coroutines (sleep, Queue.get...) are
# at their lines in asyncio's files. Paths are printed from main.py and asyncio/ on.
import asyncio
import re


def shown(task):
    return re.sub(r" at /\S*/(main\.py|asyncio/)", r" at \1", repr(task))


async def work(n):
    await asyncio.sleep(n)
    return n * 10


async def boom():
    raise ValueError("bad")


async def main():
    print(shown(asyncio.current_task()))
    t = asyncio.create_task(work(1))
    print(shown(t))
    await asyncio.sleep(0)
    print(shown(t))
    done = asyncio.create_task(work(0), name="quick")
    failed = asyncio.create_task(boom())
    await asyncio.sleep(0.01)
    print(shown(done))
    print(shown(failed), type(failed.exception()).__name__)
    t.cancel()
    print(shown(t))
    await asyncio.sleep(0)
    print(shown(t), str(t) == repr(t))
    q = asyncio.Queue()
    ev = asyncio.Event()
    lock = asyncio.Lock()
    await lock.acquire()
    natives = [asyncio.create_task(c) for c in
               (asyncio.sleep(5), q.get(), ev.wait(), lock.acquire(),
                asyncio.wait_for(asyncio.sleep(5), 3), q.join())]
    for n in natives:
        print(shown(n))
    await asyncio.sleep(0)
    for n in natives:
        print(shown(n))
    for n in natives:
        n.cancel()
    await asyncio.sleep(0.01)
    for n in natives:
        print(shown(n))
    print(shown(asyncio.ensure_future(asyncio.sleep(0, "r"))))
    waiter = asyncio.create_task(asyncio.wait_for(t, 1))
    await asyncio.sleep(0)
    print(shown(waiter))


asyncio.run(main())
