# asyncio's functions are Python functions in CPython: type() says 'function', and the
# coroutine ones (sleep, wait_for, wait, to_thread) and the coroutine methods of its queues and
# locks are coroutine functions for both asyncio's and inspect's iscoroutinefunction.
import asyncio
import inspect
import types

for f in [asyncio.sleep, asyncio.wait_for, asyncio.wait, asyncio.to_thread, asyncio.gather,
          asyncio.create_task, asyncio.shield, asyncio.run, asyncio.ensure_future]:
    print(f"{f.__name__:14} {type(f).__name__:9} {asyncio.iscoroutinefunction(f)!s:5} "
          f"{inspect.iscoroutinefunction(f)!s:5} {inspect.isfunction(f)} {inspect.isbuiltin(f)}")
print(isinstance(asyncio.sleep, types.FunctionType), type(asyncio.get_event_loop).__name__)


async def main():
    q = asyncio.Queue()
    lock, event, cond, sem = asyncio.Lock(), asyncio.Event(), asyncio.Condition(), asyncio.Semaphore()
    for m in [q.get, q.put, q.join, q.get_nowait, q.put_nowait, lock.acquire, lock.release,
              event.wait, event.set, cond.wait, cond.wait_for, cond.notify, sem.acquire, sem.release]:
        print(m.__name__, asyncio.iscoroutinefunction(m), inspect.iscoroutinefunction(m))
    print(inspect.iscoroutinefunction(main), inspect.iscoroutinefunction(print))


asyncio.run(main())
