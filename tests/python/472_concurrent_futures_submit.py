# concurrent.futures: ThreadPoolExecutor.submit's Future (result, done, exception), map, the
# executor as a context manager, as_completed, wait, a Future made by hand, and
# loop.run_in_executor with such a pool.
import asyncio
import concurrent.futures
from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor, as_completed, wait, Future
import time


def work(n):
    time.sleep(0.01 * n)
    return n * n


def boom(n):
    raise ValueError(f"bad {n}")


with ThreadPoolExecutor(max_workers=3) as ex:
    futs = [ex.submit(work, n) for n in range(4)]
    print([f.result() for f in futs])
    print(list(ex.map(work, [1, 2])))
    print(list(ex.map(pow, [2, 3], [5, 2])))
    print(sorted(f.result() for f in as_completed(futs)))
    done, not_done = wait(futs)
    print(len(done), len(not_done), sorted(f.result() for f in done))
    r = wait(futs, return_when=concurrent.futures.FIRST_COMPLETED)
    print(type(r).__name__, len(r.done), len(r.not_done))
    f = ex.submit(boom, 7)
    e = f.exception()
    print(f.done(), f.cancelled(), f.running(), f.cancel(), repr(e))
    try:
        f.result()
    except ValueError as e:
        print("result() raised", repr(e))
    g = ex.submit(work, n=3)
    print(g.result(timeout=1), g.done(), g.exception())
    g.add_done_callback(lambda fut: print("callback sees", fut.result()))
    it = ex.map(boom, [1, 2])
    try:
        next(it)
    except ValueError as e:
        print("map raised", e)

try:
    ex.submit(work, 1)
except RuntimeError as e:
    print("RuntimeError", e)

try:
    ThreadPoolExecutor(max_workers=0)
except ValueError as e:
    print("ValueError", e)

fut = Future()
print(fut.done(), fut.running(), fut.cancelled())
fut.add_done_callback(lambda f: print("done with", f.result()))
fut.set_result(42)
print(fut.done(), fut.result(), fut.cancel())
try:
    fut.set_result(1)
except concurrent.futures.InvalidStateError as e:
    print("InvalidStateError")
c = Future()
print(c.cancel(), c.cancelled(), c.done())
try:
    c.result()
except concurrent.futures.CancelledError as e:
    print("CancelledError", type(e).__mro__[1].__name__)
p = Future()
try:
    p.result(timeout=0)
except concurrent.futures.TimeoutError as e:
    print("TimeoutError", e is not None, concurrent.futures.TimeoutError is TimeoutError)
print(concurrent.futures.ALL_COMPLETED, concurrent.futures.FIRST_EXCEPTION)


async def main():
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor() as pool:
        print("executor:", await loop.run_in_executor(pool, work, 5))
        results = await asyncio.gather(*(loop.run_in_executor(pool, work, n) for n in range(3)))
        print("gathered:", results)


asyncio.run(main())
