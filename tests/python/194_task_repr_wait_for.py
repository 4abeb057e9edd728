# A pending task's repr names the future it waits on (wait_for=...), with the wake-up callbacks
# of the tasks waiting on that future; a task asked to cancel reads "cancelling".
import asyncio
import re


def show(label, x):
    print(label, repr(x).replace(__file__, "main.py"))


async def waiter(aw):
    return await aw


async def sleeper(n):
    await asyncio.sleep(n)
    return n


async def on_event(ev):
    await ev.wait()


async def on_queue(q):
    return await q.get()


async def on_lock(lock):
    async with lock:
        pass


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    t1 = asyncio.create_task(waiter(fut), name="on-future")
    t2 = asyncio.create_task(sleeper(1), name="sleeper")
    t3 = asyncio.create_task(waiter(t2), name="on-task")
    t4 = asyncio.create_task(waiter(t3), name="on-on-task")
    ev = asyncio.Event()
    t5 = asyncio.create_task(on_event(ev), name="on-event")
    q = asyncio.Queue()
    t6 = asyncio.create_task(on_queue(q), name="on-queue")
    lock = asyncio.Lock()
    await lock.acquire()
    t7 = asyncio.create_task(on_lock(lock), name="on-lock")
    g = asyncio.gather(sleeper(1), sleeper(2))
    t8 = asyncio.create_task(waiter(g), name="on-gather")
    shared = loop.create_future()
    many = [asyncio.create_task(waiter(shared), name=f"shared-{i}") for i in range(4)]
    sh = asyncio.shield(sleeper(1))
    t9 = asyncio.create_task(waiter(sh), name="on-shield")
    await asyncio.sleep(0)
    for t in (t1, t2, t3, t4, t5, t6, t7, t8):
        show("pending:", t)
    show("future:", fut)
    show("gather:", g)
    show("shared:", shared)
    show("shared task:", many[0])
    # shield's own done-callback is asyncio's, named with a path into the standard library.
    r = repr(t9).replace(__file__, "main.py")
    print("shield:", "wait_for=<Future pending" in r, re.sub(r" cb=\[[^\]]*\]", "", r))

    t1.cancel()
    show("cancelling:", t1)
    await asyncio.sleep(0)
    show("cancelled:", t1)

    fut2 = loop.create_future()
    t10 = asyncio.create_task(waiter(fut2), name="woken")
    await asyncio.sleep(0)
    fut2.set_result([1, 2])
    show("woken, not yet run:", t10)
    await asyncio.sleep(0)
    show("finished:", t10)

    lock.release()
    ev.set()
    q.put_nowait("item")
    shared.set_result(None)
    show("set future:", shared)
    await asyncio.gather(t2, t3, t4, t5, t6, t7, t8, t9, *many)
    show("done:", t4)
    show("done gather:", g)
    show("empty gather:", asyncio.gather())


asyncio.run(main())
