# Lock: locked(), async with, waiters acquire in FIFO order, release of an unlocked lock
import asyncio

async def critical(name, lock):
    print(f"{name} waiting (locked={lock.locked()})")
    async with lock:
        print(f"{name} in critical section")
        await asyncio.sleep(0.1)
        print(f"{name} leaving")

async def main():
    lock = asyncio.Lock()
    print("locked at start:", lock.locked())
    await asyncio.gather(*(critical(n, lock) for n in ("A", "B", "C")))
    print("locked at end:", lock.locked())
    await lock.acquire()
    print("manually acquired:", lock.locked())
    lock.release()
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
