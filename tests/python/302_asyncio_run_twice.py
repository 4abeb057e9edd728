# asyncio.run called twice in one program: each run has a fresh loop; task names keep counting
import asyncio

async def job(tag):
    task = asyncio.current_task()
    print(tag, "running in", task.get_name())
    await asyncio.sleep(0)
    child = asyncio.create_task(asyncio.sleep(0.1, result=tag + "-child"))
    print(tag, "child named", child.get_name())
    return await child

first = asyncio.run(job("first"))
second = asyncio.run(job("second"))
print(first, second)
