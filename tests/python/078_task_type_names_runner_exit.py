# A task's and a future's C type names in messages ('_asyncio.Task'), their classes' names;
# leaving `with asyncio.Runner()` cancels what is left and lets it clean up.
import asyncio


async def probe():
    t = asyncio.ensure_future(asyncio.sleep(0))
    f = asyncio.get_running_loop().create_future()
    print(type(t).__name__, type(t).__module__, type(f).__name__, type(f).__module__)
    print(isinstance(t, asyncio.Future), type(t) is asyncio.Task)
    for attempt in (lambda: len(t), lambda: t[0], lambda: f + 1):
        try:
            attempt()
        except TypeError as e:
            print("TypeError:", e)
    try:
        t.results()
    except AttributeError as e:
        print("AttributeError:", e)
    f.set_result(1)
    print(f)
    await t


async def leftover():
    try:
        await asyncio.sleep(10)
    finally:
        print("leftover cleaned up")


async def start():
    asyncio.create_task(leftover())
    await asyncio.sleep(0)
    return "started"


with asyncio.Runner() as runner:
    runner.run(probe())
    print(runner.run(start()))
print("end")
