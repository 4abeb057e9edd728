# time.time / perf_counter / monotonic differences around sleeps (rounded), time.sleep blocks
import asyncio
import time

t0, p0, m0 = time.time(), time.perf_counter(), time.monotonic()
time.sleep(0.2)
print(f"{time.time() - t0:.1f} {time.perf_counter() - p0:.1f} {time.monotonic() - m0:.1f}")
print(type(time.time()).__name__, time.time() > 1_600_000_000, time.monotonic() >= m0)

async def main():
    start = time.perf_counter()
    await asyncio.sleep(0.3)
    print(f"asyncio.sleep(0.3): {time.perf_counter() - start:.1f}")
    start = time.perf_counter()
    time.sleep(0.1)
    print(f"time.sleep(0.1) inside a coroutine: {time.perf_counter() - start:.1f}")
    loop = asyncio.get_running_loop()
    lt, mt = loop.time(), time.monotonic()
    await asyncio.sleep(0.1)
    print(f"loop.time and monotonic agree: {loop.time() - lt:.1f} {time.monotonic() - mt:.1f}")

asyncio.run(main())
