# asyncio.wait(timeout=...): returns after the timeout without cancelling the pending tasks
import asyncio

async def work(d):
    try:
        await asyncio.sleep(d)
        print(f"work({d}) finished")
        return d
    except asyncio.CancelledError:
        print(f"work({d}) cancelled")
        raise

async def main():
    tasks = [asyncio.create_task(work(d), name=f"t{d}") for d in (0.1, 0.3, 0.5)]
    done, pending = await asyncio.wait(tasks, timeout=0.2)
    print("done:", sorted(t.get_name() for t in done), "pending:", sorted(t.get_name() for t in pending))
    await asyncio.sleep(0.2)
    print("pending ones keep running:", [t.done() for t in tasks])
    for t in pending:
        t.cancel()
    done, pending = await asyncio.wait(tasks)
    print([t.cancelled() for t in tasks])
    done, pending = await asyncio.wait([asyncio.create_task(work(0.1))], timeout=0)
    print(len(done), len(pending))
    await asyncio.wait(pending)

asyncio.run(main())
