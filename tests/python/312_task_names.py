# task names: default Task-N counting, name=, set_name, current_task() inside tasks
import asyncio

async def who():
    await asyncio.sleep(0)
    return asyncio.current_task().get_name()

async def main():
    me = asyncio.current_task()
    print("main is", me.get_name())
    t1 = asyncio.create_task(who())
    t2 = asyncio.create_task(who(), name="worker")
    t3 = asyncio.create_task(who())
    t3.set_name("renamed")
    t4 = asyncio.create_task(who(), name=None)
    print([t.get_name() for t in (t1, t2, t3, t4)])
    print(await asyncio.gather(t1, t2, t3, t4))
    me.set_name("the-main")
    print(asyncio.current_task().get_name())
    print(await asyncio.gather(who(), who()))

asyncio.run(main())
