# Tutorial: shield() keeps a task running past wait_for's timeout; cancel(msg) and the
# CancelledError args it arrives with, result() of a cancelled task, cancelling()/uncancel()
import asyncio

async def critical(name):
    print(f"{name}: start")
    try:
        await asyncio.sleep(0.2)
        print(f"{name}: committed")
        return "ok"
    except asyncio.CancelledError:
        print(f"{name}: cancelled!")
        raise

async def main():
    task = asyncio.create_task(critical("shielded"))
    try:
        await asyncio.wait_for(asyncio.shield(task), timeout=0.05)
    except TimeoutError:
        print("timed out, but task still running:", not task.done())
    print(await task)
    t2 = asyncio.create_task(critical("plain"))
    await asyncio.sleep(0.01)
    print(t2.cancel("stop now"))
    try:
        await t2
    except asyncio.CancelledError as e:
        print("CancelledError args:", e.args)
    print(t2.cancelled(), t2.done())
    try:
        t2.result()
    except asyncio.CancelledError as e:
        print("result() raised", type(e).__name__, e.args)
    t3 = asyncio.create_task(critical("uncancel"))
    await asyncio.sleep(0)
    t3.cancel()
    print(t3.cancelling())
    print(t3.uncancel(), t3.cancelling())
    try:
        await t3
    except asyncio.CancelledError:
        print("still cancelled")

asyncio.run(main())
