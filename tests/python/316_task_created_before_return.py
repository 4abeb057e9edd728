# a task created right before main returns gets its first step, then asyncio.run cancels it
import asyncio

async def late():
    print("late: first step runs")
    try:
        await asyncio.sleep(10)
        print("late: never printed")
    except asyncio.CancelledError:
        print("late: cancelled by asyncio.run")
        raise
    finally:
        print("late: finally")

async def never_started():
    print("never_started: first step runs too")

async def main():
    asyncio.create_task(late())
    asyncio.create_task(never_started())
    print("main: returning")
    return "main result"

print(asyncio.run(main()))
print("after run")
