# A task that awaits itself gets CPython's RuntimeError at that await, inside its own
# coroutine, and can catch it; uncaught, it ends the task and reaches whoever awaits the task.
# (This used to wait forever for its own end: the program stopped as stuck, without a word.)
import asyncio

me = None


async def awaits_itself():
    return await me


async def catches_it():
    try:
        await me
    except RuntimeError as e:
        print("caught:", str(e).split(":")[0])
    return "went on"


async def deeper():
    # The await in a coroutine the task runs counts too.
    return await awaits_itself()


async def main():
    global me
    for body in [awaits_itself, catches_it, deeper]:
        me = asyncio.create_task(body())
        try:
            print(body.__name__, "->", await me)
        except RuntimeError as e:
            print(body.__name__, "raised", type(e).__name__, str(e).split(":")[0])
    # Awaiting another task that is done, or the same task twice from outside, is fine.
    t = asyncio.create_task(asyncio.sleep(0.1, "slept"))
    print(await t, await t)


asyncio.run(main())
