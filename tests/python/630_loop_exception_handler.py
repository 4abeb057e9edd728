# loop.set_exception_handler: a fire-and-forget task's error and a callback's error go to the
# program's handler; call_exception_handler and default_exception_handler by hand.
import asyncio


def handler(loop, context):
    exc = context.get("exception")
    # (A callback's message names its file with a path: only its start is shown.)
    print("handled:", context["message"].split(" at ")[0], "|", type(exc).__name__, exc)


async def fails():
    await asyncio.sleep(0.1)
    raise ValueError("task went wrong")


def bad_callback():
    raise KeyError("callback key")


async def main():
    loop = asyncio.get_running_loop()
    print(loop.get_exception_handler())
    loop.set_exception_handler(handler)
    print(loop.get_exception_handler() is handler)
    asyncio.create_task(fails())
    loop.call_soon(bad_callback)
    await asyncio.sleep(0.3)
    loop.call_exception_handler({"message": "by hand", "exception": RuntimeError("r")})
    loop.set_exception_handler(None)
    loop.call_exception_handler({"message": "to the default", "detail": 42})
    try:
        loop.set_exception_handler(5)
    except TypeError as e:
        print("TypeError:", e)
    print("done")


asyncio.run(main())
