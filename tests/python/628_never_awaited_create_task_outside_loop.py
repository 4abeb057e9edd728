# asyncio.create_task with no running loop: the coroutine lives on in the error's traceback,
# so its warning comes after the traceback.
import asyncio


async def job():
    return 1


print("before")
asyncio.create_task(job())
