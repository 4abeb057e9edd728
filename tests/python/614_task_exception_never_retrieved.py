# a task fails and nobody reads its exception: "Task exception was never retrieved" is logged
import asyncio

async def doomed():
    await asyncio.sleep(0.1)
    raise ValueError("nobody is listening")

async def main():
    asyncio.create_task(doomed())
    await asyncio.sleep(0.3)
    print("main finished without awaiting the task")

asyncio.run(main())
print("program continues")
