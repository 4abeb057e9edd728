# TaskGroup failures handled with except*: the group's ExceptionGroup split by type across
# clauses, each failure listed; one kind handled and the other propagating to asyncio.run's
# caller; a lone failure is still a group
import asyncio


async def job(name, delay, fail=None):
    await asyncio.sleep(delay)
    if fail is not None:
        raise fail(f"{name} failed")
    print(f"{name} done")
    return name


async def both_kinds():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("a", 0.1))
            tg.create_task(job("b", 0.2, ValueError))
            tg.create_task(job("c", 0.3, TypeError))
            tg.create_task(job("d", 0.5))
    except* ValueError as eg:
        for e in eg.exceptions:
            print("value error:", e)
    except* TypeError as eg:
        for e in eg.exceptions:
            print("type error:", e)
    print("both handled")


async def lone():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("e", 0.1, KeyError))
    except* KeyError as eg:
        print("lone:", repr(eg))


async def partly():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("f", 0.1, ValueError))
            tg.create_task(job("g", 0.1, OSError))
    except* ValueError as eg:
        print("handled here:", eg.exceptions)


async def main():
    await both_kinds()
    await lone()
    try:
        await partly()
    except* OSError as eg:
        print("handled by the caller:", eg.exceptions)


asyncio.run(main())
