# Tutorial: inspecting the exception being handled the older way, sys.exc_info() (and 3.11's
# sys.exception()), inside except blocks of coroutines, nested handlers, and after them
import asyncio
import sys
import traceback

async def failing(n):
    await asyncio.sleep(0)
    raise RuntimeError(f"oops {n}")

def describe():
    exc_type, exc, _tb = sys.exc_info()
    return f"{exc_type.__name__ if exc_type else None}: {exc}"

async def main():
    print(describe(), sys.exception())
    try:
        await failing(1)
    except RuntimeError:
        print("handling", describe(), repr(sys.exception()))
        try:
            {}["key"]
        except KeyError:
            print("inner", describe())
        print("outer again", describe())
        print(traceback.format_exc().splitlines()[-1])
    print("after", sys.exc_info(), sys.exception())
    results = await asyncio.gather(failing(2), return_exceptions=True)
    try:
        raise results[0]
    except Exception:
        print("re-raised", describe())
    print(sys.byteorder, sys.platform, sys.maxsize == 2**63 - 1)

asyncio.run(main())
