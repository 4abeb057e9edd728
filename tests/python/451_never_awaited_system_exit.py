# sys.exit in a task whose frame held a coroutine never awaited: CPython lets go of the
# SystemExit (and the frame its traceback keeps) at once, while its warnings module still
# works, so the warning is sys:1 with the tracemalloc hint; a global's comes as the modules
# go, without it. The status is sys.exit's.
import asyncio
import sys


async def report():
    return "report"


async def flush():
    return "flush"


later = flush()


async def main():
    pending = report()
    print("exiting")
    sys.exit(2)


asyncio.run(main())
