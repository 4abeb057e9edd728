# futures: loop.create_future, set_result from another task, waiters wake in order, exceptions
import asyncio

async def waiter(name, fut):
    print(f"{name} waiting")
    value = await fut
    print(f"{name} got {value!r}")

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    tasks = [asyncio.create_task(waiter(n, fut)) for n in ("w1", "w2", "w3")]
    await asyncio.sleep(0)
    print("setting result")
    fut.set_result("hello")
    print("result set, done:", fut.done())
    await asyncio.gather(*tasks)
    f2 = loop.create_future()
    f2.set_exception(KeyError("nope"))
    try:
        await f2
    except KeyError as e:
        print("awaiting failed future:", repr(e))
    f3 = loop.create_future()
    try:
        f3.set_result(1)
        f3.set_result(2)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    print(await f3)

asyncio.run(main())
