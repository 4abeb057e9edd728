# asyncio.wait(FIRST_COMPLETED): done/pending sets (printed as sorted names), then the rest
import asyncio

async def work(delay):
    await asyncio.sleep(delay)
    return delay

async def main():
    tasks = [asyncio.create_task(work(d), name=f"w{d}") for d in (0.3, 0.1, 0.2, 0.1)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("done:", sorted(t.get_name() for t in done), "pending:", sorted(t.get_name() for t in pending))
    print("results:", sorted(t.result() for t in done))
    done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
    print("done:", sorted(t.get_name() for t in done), "pending:", sorted(t.get_name() for t in pending))
    done, pending = await asyncio.wait(pending)
    print("done:", sorted(t.get_name() for t in done), "pending:", len(pending))

asyncio.run(main())
