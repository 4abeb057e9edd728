# async generators dropped unfinished: asyncio's finaliser hook schedules aclose() as a task
# (a turn later), and the tasks left when main returns are cancelled by asyncio.run, which
# throws CancelledError into the generator where it stands
import asyncio


async def ticker(tag, delay):
    n = 0
    try:
        while True:
            yield n
            n += 1
            await asyncio.sleep(delay)
    except BaseException as e:
        print(tag, "stopped by", type(e).__name__)
        raise
    finally:
        print(tag, "cleanup in", asyncio.current_task().get_name())


async def other():
    print("other task runs")


async def main():
    async for t in ticker("first", 0.1):
        print("first tick", t)
        if t == 2:
            break
    print("after first loop")
    task = asyncio.create_task(other())
    await asyncio.sleep(0)
    print("main after one turn")
    await asyncio.sleep(0)
    print("main after two turns")
    await task

    agen = ticker("held", 0.1)
    print("held", await agen.__anext__())
    await agen.aclose()
    print("after aclose")

    async for t in ticker("last", 0.1):
        print("last tick", t)
        break
    print("main returns")


asyncio.run(main())
print("done")
