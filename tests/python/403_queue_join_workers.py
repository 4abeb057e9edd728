# worker pool: Queue.join waits for task_done of every item; then the workers are cancelled
import asyncio

async def worker(name, q, log):
    while True:
        job = await q.get()
        try:
            await asyncio.sleep(job / 10)
            log.append((name, job))
            print(f"{name} finished job {job}")
        finally:
            q.task_done()

async def main():
    q = asyncio.Queue()
    for job in [2, 5, 1, 3, 1, 4]:
        q.put_nowait(job)
    log = []
    workers = [asyncio.create_task(worker(f"w{i}", q, log)) for i in range(3)]
    await q.join()
    print("queue drained:", q.qsize(), "jobs done:", len(log))
    for w in workers:
        w.cancel()
    results = await asyncio.gather(*workers, return_exceptions=True)
    print([type(r).__name__ for r in results])

asyncio.run(main())
