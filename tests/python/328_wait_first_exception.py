# asyncio.wait(FIRST_EXCEPTION) and ALL_COMPLETED: failures do not raise, they sit in done
import asyncio

async def ok(d):
    await asyncio.sleep(d)
    return d

async def fail(d):
    await asyncio.sleep(d)
    raise RuntimeError(f"failed after {d}")

async def main():
    tasks = [asyncio.create_task(ok(0.1), name="ok-0.1"), asyncio.create_task(fail(0.2), name="fail-0.2"),
             asyncio.create_task(ok(0.4), name="ok-0.4")]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print("done:", sorted(t.get_name() for t in done), "pending:", sorted(t.get_name() for t in pending))
    for t in sorted(done, key=lambda t: t.get_name()):
        print(t.get_name(), repr(t.exception()))
    done, pending = await asyncio.wait(pending, return_when=asyncio.ALL_COMPLETED)
    print("done:", sorted(t.get_name() for t in done), "pending:", len(pending))
    t1 = asyncio.create_task(ok(0.1), name="a")
    t2 = asyncio.create_task(ok(0.2), name="b")
    done, pending = await asyncio.wait([t1, t2], return_when=asyncio.FIRST_EXCEPTION)
    print("no failure -> waits for all:", sorted(t.get_name() for t in done), len(pending))

asyncio.run(main())
