# awaiting an already-finished task (or future) returns at once, without giving up the turn
import asyncio

async def quick():
    return "quick result"

async def other():
    print("  other task runs")

async def main():
    t = asyncio.create_task(quick())
    await asyncio.sleep(0)
    print("task done:", t.done())
    asyncio.create_task(other())
    r = await t
    print("awaited done task:", r, "- other has not run yet")
    r = await t
    print("awaited again:", r)
    await asyncio.sleep(0)
    print("after a real yield")
    fut = asyncio.get_running_loop().create_future()
    fut.set_result(5)
    asyncio.create_task(other())
    print("done future gives", await fut, "without a switch")
    await asyncio.sleep(0)

asyncio.run(main())
