# gather without return_exceptions: the first error reaches the awaiter; other children keep running
import asyncio

async def child(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(f"{name} failed")
    print(f"{name} finished")
    return name

async def main():
    tasks = [asyncio.create_task(child("a", 0.1)),
             asyncio.create_task(child("b", 0.2, fail=True)),
             asyncio.create_task(child("c", 0.3)),
             asyncio.create_task(child("d", 0.4, fail=True))]
    try:
        await asyncio.gather(*tasks)
    except ValueError as e:
        print("gather raised:", e)
    print("still running:", [t.get_name() for t in tasks if not t.done()])
    await asyncio.sleep(0.3)
    print("c result:", tasks[2].result(), "d exception:", repr(tasks[3].exception()))

asyncio.run(main())
