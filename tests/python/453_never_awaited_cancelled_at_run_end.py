# Coroutines never awaited that tasks still pending when main() returns were holding (an
# argument, a local): asyncio.run's shutdown cancels those tasks, and their frames go with
# them as its _cancel_all_tasks returns, so that is the line the warning names.
import asyncio


async def save(item):
    return item


async def worker(job):
    await asyncio.sleep(10)


async def poller():
    pending = save("poll")
    await asyncio.sleep(10)


async def main():
    asyncio.create_task(worker(save("job")))
    keep = asyncio.create_task(poller())
    await asyncio.sleep(0)
    print("main returns")


asyncio.run(main())
print("end")
