# Floats of either sign cross to a worker thread and back unchanged: asyncio.to_thread and
# run_in_executor get negative floats, -0.0 and -inf as arguments, in containers, in the
# function's globals, and return them.
import asyncio
import math

OFFSET = -273.15


def to_kelvin(celsius):
    return [round(c - OFFSET, 2) for c in celsius]


def spread(readings):
    low, high = min(readings), max(readings)
    return {"low": low, "high": high, "neg_zero": -0.0, "floor": -math.inf}


async def main():
    print(await asyncio.to_thread(lambda v: v, -1.5))
    print(await asyncio.to_thread(to_kelvin, [-40.0, 0.0, -273.15]))
    result = await asyncio.to_thread(spread, (-3.25, 7.5, -0.5))
    print(result, math.copysign(1.0, result["neg_zero"]))
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, abs, -2.75))
    print(await asyncio.to_thread(sorted, [2.5, -9.75, -1e300, 0.0]))


asyncio.run(main())
