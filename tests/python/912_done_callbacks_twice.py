# done callbacks: each add_done_callback registers one call; they run a turn after completion
import asyncio

async def work():
    await asyncio.sleep(0.1)
    return "value"

async def main():
    seen = []
    t = asyncio.create_task(work())
    cb = lambda task: seen.append(task.result())
    t.add_done_callback(cb)
    t.add_done_callback(cb)
    print("added the same callback twice")
    t.add_done_callback(lambda task: seen.append("second"))
    await t
    await asyncio.sleep(0)
    print(seen)
    fut = asyncio.get_running_loop().create_future()
    fut.add_done_callback(lambda f: print("future callback sees", f.result()))
    fut.set_result(99)
    print("set_result returned; callback pending")
    await asyncio.sleep(0)
    print("after a turn")

asyncio.run(main())
