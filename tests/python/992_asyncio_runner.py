# asyncio.Runner (3.11): several runs on one loop, get_loop(), the runner's context shared by
# its runs, close() and using a closed runner, and Runner from a plain function.
import asyncio
import contextvars

hits = contextvars.ContextVar("hits", default=0)
background = []
current = []


async def step(name, delay):
    hits.set(hits.get() + 1)
    await asyncio.sleep(delay)
    loop = asyncio.get_running_loop()
    print(f"{name}: hits={hits.get()} same loop={loop is current[-1].get_loop()}")
    return name.upper()


async def start_background():
    background.append(asyncio.create_task(asyncio.sleep(0.3, result="late")))
    await asyncio.sleep(0.1)
    return asyncio.current_task().get_name()


async def finish_background():
    t = background[0]
    print("still pending:", not t.done())
    return await t


with asyncio.Runner() as runner:
    current.append(runner)
    print(runner.run(step("first", 0.1)))
    print(runner.run(step("second", 0.2)))
    print(runner.run(start_background()))
    print(runner.run(finish_background()))
    loop = runner.get_loop()
    print(loop.is_closed(), isinstance(runner, asyncio.Runner))
print(loop.is_closed(), hits.get())
coro = step("again", 0.1)
try:
    runner.run(coro)
except RuntimeError as e:
    print("RuntimeError:", e)
coro.close()

r = asyncio.Runner()
current.append(r)
try:
    r.run(42)
except ValueError as e:
    print("ValueError:", e)
print(r.run(step("lazy", 0.1)))
r.close()
r.close()


def main():
    with asyncio.Runner() as runner:
        current.append(runner)
        return runner.run(step("in main", 0.1))


print(main())


async def nested():
    coro = step("nested", 0.1)
    try:
        current[-1].run(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    coro.close()


asyncio.run(nested())
print(asyncio.run(start_background()))
