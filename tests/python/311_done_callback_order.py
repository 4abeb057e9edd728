# add_done_callback: callbacks are scheduled (not run inline), in registration order, after set
import asyncio

log = []

def make_cb(tag):
    def cb(task):
        log.append(tag)
        print(f"callback {tag}: result={task.result()!r}")
    return cb

async def work():
    print("work runs")
    return 42

async def main():
    t = asyncio.create_task(work())
    t.add_done_callback(make_cb("first"))
    t.add_done_callback(make_cb("second"))
    print("callbacks added")
    await asyncio.sleep(0)
    print("after 1 yield: task done?", t.done(), "log", log)
    await asyncio.sleep(0)
    print("after 2 yields: log", log)
    t.add_done_callback(make_cb("late"))
    print("late callback added to a done task; log", log)
    await asyncio.sleep(0)
    print("after 3 yields: log", log)
    t2 = asyncio.create_task(work())
    t2.add_done_callback(make_cb("t2"))
    result = await t2
    print("main resumed with", result, "log", log)

asyncio.run(main())
