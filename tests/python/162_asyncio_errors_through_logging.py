# asyncio reports its errors through the 'asyncio' logger: once the program has set up
# logging, a basicConfig format applies to "Task exception was never retrieved", to a
# callback's error and to loop.default_exception_handler; a level above ERROR hides them.
import asyncio
import logging

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s [%(funcName)s]: %(message)s")


async def fails(n):
    await asyncio.sleep(0.01)
    raise ValueError(f"bad {n}")


def callback_fails():
    raise KeyError("missing")


async def main():
    t = asyncio.create_task(fails(1))
    await asyncio.sleep(0.05)
    del t
    asyncio.get_running_loop().call_soon(callback_fails)
    await asyncio.sleep(0.01)
    loop = asyncio.get_running_loop()
    loop.default_exception_handler({"message": "custom report", "where": "here", "exception": RuntimeError("x")})
    logging.getLogger("asyncio").setLevel(logging.CRITICAL)
    t = asyncio.create_task(fails(2))
    await asyncio.sleep(0.05)
    del t
    print("quiet")


asyncio.run(main())
