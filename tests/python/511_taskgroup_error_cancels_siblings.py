# TaskGroup: one child fails -> siblings are cancelled -> ExceptionGroup raised from the block
import asyncio

async def worker(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            raise ValueError(f"{name} broke")
        print(f"{name} done")
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker("fast", 0.1))
            tg.create_task(worker("bad", 0.2, fail=True))
            tg.create_task(worker("slow", 0.5))
            tg.create_task(worker("slower", 1.0))
    except ExceptionGroup as eg:
        print(type(eg).__name__, str(eg))
        print([repr(e) for e in eg.exceptions])
        print(eg.message, len(eg.exceptions))

asyncio.run(main())
