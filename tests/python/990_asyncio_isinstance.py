# asyncio's classes are classes: isinstance and type() of tasks, futures, queues and locks,
# Task being a Future, their reprs, and calling them (asyncio.Task(coro) starts a task).
import asyncio


async def work(n):
    await asyncio.sleep(0.1)
    return n


def describe(x):
    if isinstance(x, asyncio.Task):
        return "task"
    if isinstance(x, asyncio.Future):
        return "future"
    if isinstance(x, (asyncio.Queue, asyncio.PriorityQueue)):
        return "queue"
    if isinstance(x, (asyncio.Lock, asyncio.Semaphore, asyncio.Event, asyncio.Condition)):
        return "primitive"
    return type(x).__name__


async def main():
    t = asyncio.create_task(work(1))
    print(isinstance(t, asyncio.Task), isinstance(t, asyncio.Future), type(t).__name__, type(t) is asyncio.Task)
    f = asyncio.get_running_loop().create_future()
    print(isinstance(f, asyncio.Future), isinstance(f, asyncio.Task), type(f).__name__)
    q = asyncio.Queue()
    print(isinstance(q, asyncio.Queue), type(q).__name__, isinstance(q, asyncio.Lock))
    pq, lq = asyncio.PriorityQueue(), asyncio.LifoQueue()
    print(isinstance(pq, asyncio.PriorityQueue), isinstance(lq, asyncio.LifoQueue), type(pq).__name__)
    for name in ["Lock", "Semaphore", "BoundedSemaphore", "Event", "Condition"]:
        cls = getattr(asyncio, name)
        obj = cls()
        print(name, isinstance(obj, cls), type(obj).__name__, type(obj) is cls)
    print(isinstance(asyncio.BoundedSemaphore(2), asyncio.Semaphore), isinstance(3, asyncio.Task))
    print(issubclass(asyncio.Task, asyncio.Future), issubclass(asyncio.BoundedSemaphore, asyncio.Semaphore))
    print(asyncio.Task, asyncio.Future, asyncio.Queue)
    print(asyncio.Lock, asyncio.Event, asyncio.Semaphore, asyncio.BoundedSemaphore, asyncio.Condition)
    print(asyncio.PriorityQueue, asyncio.LifoQueue, asyncio.Barrier, asyncio.TaskGroup)
    print(asyncio.Queue.__name__, asyncio.Lock.__module__, asyncio.Task.__module__)
    t2 = asyncio.Task(work(2), name="direct")
    print(t2.get_name(), await t, await t2)
    g = asyncio.gather(work(3))
    print(isinstance(g, asyncio.Future), isinstance(g, asyncio.Task), await g)
    b = asyncio.Barrier(2)
    print(type(b).__name__, isinstance(b, asyncio.Barrier))
    async with asyncio.TaskGroup() as tg:
        print(isinstance(tg, asyncio.TaskGroup), isinstance(tg.create_task(work(4)), asyncio.Task))
    print([describe(x) for x in [t, f, q, pq, asyncio.Lock(), asyncio.Event(), 7, "s"]])
    from asyncio import PriorityQueue, Task
    print(PriorityQueue is asyncio.PriorityQueue, Task is asyncio.Task)


asyncio.run(main())
