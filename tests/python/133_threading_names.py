# threading: the thread a to_thread call runs in is named as CPython's default executor names
# its threads (asyncio_0, asyncio_1… a call takes an idle thread, or a new one when none is
# idle), an executor's own as its prefix says; the main thread, active_count, idents; Lock,
# RLock and Event within one thread; Thread's default names. (Which of several idle threads
# takes a call is up to CPython's threads: each run here has none or one idle at a call.)
import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor


def blocking(n, secs):
    time.sleep(secs)
    t = threading.current_thread()
    return n, t.name, t is threading.main_thread(), t.daemon, threading.get_ident() != threading.main_thread().ident


async def main():
    print(threading.current_thread().name, threading.active_count())
    calls = [asyncio.to_thread(blocking, n, secs) for n, secs in [(2, 0.3), (3, 0.5), (4, 0.7)]]
    for r in await asyncio.gather(*calls):
        print(r)
    print("threads alive:", threading.active_count())
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor() as pool:
        print(await loop.run_in_executor(pool, blocking, 5, 0.1))
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="download") as pool:
        calls = [loop.run_in_executor(pool, blocking, n, 0.1 * n) for n in (1, 2)]
        print(await asyncio.gather(*calls))
    print(threading.get_ident() == threading.main_thread().ident)


async def again():
    print(await asyncio.to_thread(blocking, 0, 0.1))
    # The thread is idle once it has told its executor so, a moment after the call's result.
    await asyncio.sleep(0.1)
    print(await asyncio.to_thread(blocking, 1, 0.1))


asyncio.run(main())
print("after run:", threading.active_count(), threading.current_thread().name)
asyncio.run(again())

lock = threading.Lock()
with lock:
    print("locked:", lock.locked(), lock.acquire(blocking=False))
print(lock.locked(), lock.acquire(False), lock.acquire(timeout=0.1))
lock.release()
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
rlock = threading.RLock()
with rlock:
    with rlock:
        print("re-entered")
try:
    rlock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
event = threading.Event()
print(event.is_set(), event.wait(0.1))
event.set()
print(event.is_set(), event.wait())
t = threading.Thread(target=blocking, args=(7, 0))
print(t.name, t.is_alive(), t.ident, t.daemon)
print(threading.Thread(name="worker").name, threading.Thread().name)
