# Semaphore: 5 waiters are served FIFO; several releases in one turn wake them in order
import asyncio

async def waiter(name, sem):
    print(f"{name} wants the semaphore (locked={sem.locked()})")
    await sem.acquire()
    print(f"{name} acquired")

async def main():
    sem = asyncio.Semaphore(0)
    tasks = [asyncio.create_task(waiter(f"w{i}", sem)) for i in range(5)]
    await asyncio.sleep(0)
    print("releasing 3 in one turn")
    sem.release()
    sem.release()
    sem.release()
    await asyncio.sleep(0)
    print("after one turn")
    await asyncio.sleep(0)
    print("after two turns; releasing 2 more")
    sem.release()
    sem.release()
    await asyncio.gather(*tasks)
    print("all acquired; locked:", sem.locked())

asyncio.run(main())
