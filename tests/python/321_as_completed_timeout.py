# as_completed with timeout: results that arrive in time, then TimeoutError for the rest
import asyncio

async def work(delay):
    try:
        await asyncio.sleep(delay)
        return delay
    except asyncio.CancelledError:
        print(f"  work({delay}) cancelled")
        raise

async def main():
    tasks = [asyncio.create_task(work(d)) for d in (0.1, 0.5, 0.2, 1.0)]
    got = []
    try:
        for fut in asyncio.as_completed(tasks, timeout=0.3):
            got.append(await fut)
            print("got", got[-1])
    except asyncio.TimeoutError as e:
        print("TimeoutError", repr(e), "after", got)
    print("still pending:", sorted(t.get_name() for t in tasks if not t.done()))
    for t in tasks:
        t.cancel()
    await asyncio.sleep(0)
    print([t.cancelled() for t in tasks])

asyncio.run(main())
