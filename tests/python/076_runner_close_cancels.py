# asyncio.Runner.close() cancels the tasks still pending and runs the loop until they finish
# (their finally blocks print, a cleanup that awaits completes), as asyncio.run does; closing
# from a plain function, closing twice, a runner never used, and a cleanup that raises.
import asyncio

t0 = 0.0


async def worker(name, delay):
    try:
        print(f"{name} starts")
        await asyncio.sleep(delay)
        print(f"{name} done")
    except asyncio.CancelledError:
        print(f"{name} cancelled at {asyncio.get_running_loop().time() - t0:.1f}")
        raise
    finally:
        print(f"{name} finally")


async def slow_cleanup():
    try:
        await asyncio.sleep(10)
    finally:
        await asyncio.sleep(0.3)
        print(f"slow cleanup done at {asyncio.get_running_loop().time() - t0:.1f}")


async def start():
    global t0
    t0 = asyncio.get_running_loop().time()
    asyncio.create_task(worker("short", 0.1))
    asyncio.create_task(worker("long", 5))
    asyncio.create_task(slow_cleanup())
    await asyncio.sleep(0.3)
    return len(asyncio.all_tasks())


runner = asyncio.Runner()
print("tasks:", runner.run(start()))
loop = runner.get_loop()
runner.close()
print("closed:", loop.is_closed())
runner.close()


def main():
    r = asyncio.Runner()
    print("tasks:", r.run(start()))
    r.close()
    print("closed in main")


main()
asyncio.Runner().close()
print("a runner never used closes at once")


async def cleanup_fails():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        raise ValueError("cleanup failed")


async def start_failing():
    asyncio.create_task(cleanup_fails(), name="failing")
    await asyncio.sleep(0)


r = asyncio.Runner()
r.run(start_failing())
r.close()
print("end")
