# Callbacks (call_soon, call_later, done callbacks) run inside the running loop, outside any
# task: they may read loop.time(), get the running loop (the same object) and start tasks.
import asyncio


def cb(loop, tag, t0):
    print(tag, "at", round(loop.time() - t0, 1))
    print(tag, "same loop:", asyncio.get_running_loop() is loop, "task:", asyncio.current_task())
    asyncio.create_task(child(tag))


async def child(tag):
    print(tag, "child task ran")


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    print(asyncio.get_event_loop() is loop)
    loop.call_soon(cb, loop, "soon", t0)
    loop.call_later(0.1, cb, loop, "later", t0)
    t = asyncio.create_task(asyncio.sleep(0.05))
    t.add_done_callback(lambda _: cb(loop, "done_cb", t0))
    await asyncio.sleep(0.2)


asyncio.run(main())
