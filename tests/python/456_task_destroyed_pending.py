# "Task was destroyed but it is pending!": an old-style loop closed while tasks it made are
# still pending loses them; CPython's collector finds them at exit and logs each to stderr (in
# the order made, their coroutines shown done). asyncio.run instead cancels what is left, so a
# fire-and-forget task there is never reported.
import asyncio


async def work(n):
    print("work starts", n)
    await asyncio.sleep(n)
    print("work done", n)


async def waiter(ev):
    await ev.wait()


async def main():
    ev = asyncio.Event()
    asyncio.create_task(work(1))
    asyncio.create_task(work(2), name="second")
    asyncio.create_task(waiter(ev))
    await asyncio.sleep(0.1)
    print("main done")


async def fire_and_forget():
    asyncio.create_task(work(3))
    await asyncio.sleep(0)
    print("asyncio.run's main done")


asyncio.run(fire_and_forget())
print("asyncio.run cancelled it: nothing reported")

loop = asyncio.new_event_loop()
loop.run_until_complete(main())
print("closed:", loop.is_closed())
loop.close()
print("closed:", loop.is_closed())
