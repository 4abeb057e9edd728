# Tutorial: loop callbacks in typed code; annotations name asyncio.AbstractEventLoop,
# asyncio.Handle and asyncio.TimerHandle (a def evaluates them), and the classes are real
import asyncio
import functools
from typing import Optional

def remind(loop: asyncio.AbstractEventLoop, message: str, started: float) -> None:
    print(f"[{loop.time() - started:.1f}s] reminder: {message}")

def schedule(loop: asyncio.AbstractEventLoop, delay: float, message: str,
             started: float) -> asyncio.TimerHandle:
    return loop.call_later(delay, functools.partial(remind, loop, message, started))

async def main() -> None:
    loop: asyncio.AbstractEventLoop = asyncio.get_running_loop()
    started = loop.time()
    handles: list[asyncio.TimerHandle] = [
        schedule(loop, 0.1, "stretch", started),
        schedule(loop, 0.3, "drink water", started),
        schedule(loop, 0.2, "this one is cancelled", started),
    ]
    soon: Optional[asyncio.Handle] = loop.call_soon(print, "call_soon runs first")
    handles[2].cancel()
    await asyncio.sleep(0.4)
    print([h.cancelled() for h in handles], soon.cancelled())
    print(isinstance(loop, asyncio.AbstractEventLoop), isinstance(handles[0], asyncio.Handle))
    print(type(handles[0]).__name__, type(soon).__name__, asyncio.TimerHandle.__mro__[1].__name__)
    print(asyncio.AbstractEventLoop.__module__, asyncio.Handle.__module__)
    async with asyncio.timeout(1) as cm:
        print(type(cm) is asyncio.Timeout, asyncio.Timeout.__module__)
    print(main.__annotations__, schedule.__annotations__["return"])

asyncio.run(main())
