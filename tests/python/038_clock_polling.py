# Programs that poll the clock until time has passed: a token-bucket rate limiter, a loop
# yielding with sleep(0) until a deadline, and a busy-wait on time.time(). On the virtual clock
# each read of the clock moves it on a microsecond, so these end as they do under CPython.
import asyncio
import time

class RateLimiter:
    """Allow at most `rate` calls per `per` seconds (token bucket)."""

    def __init__(self, rate: int, per: float = 1.0) -> None:
        self.rate = rate
        self.per = per
        self.tokens = float(rate)
        self.updated = time.monotonic()
        self._lock = asyncio.Lock()

    async def acquire(self) -> None:
        async with self._lock:
            while True:
                now = time.monotonic()
                elapsed = now - self.updated
                self.tokens = min(self.rate, self.tokens + elapsed * self.rate / self.per)
                self.updated = now
                if self.tokens >= 1:
                    self.tokens -= 1
                    return
                await asyncio.sleep((1 - self.tokens) * self.per / self.rate)

    async def __aenter__(self) -> "RateLimiter":
        await self.acquire()
        return self

    async def __aexit__(self, exc_type, exc, tb) -> None:
        return None

async def call_api(limiter: RateLimiter, i: int, start: float) -> None:
    async with limiter:
        print(f"request {i:02d} at t={time.monotonic() - start:4.1f}s")

async def main() -> None:
    limiter = RateLimiter(rate=5, per=1.0)
    start = time.monotonic()
    await asyncio.gather(*(call_api(limiter, i, start) for i in range(9)))
    print(f"total: {time.monotonic() - start:.1f}s")



async def spinner(stop_after: float) -> int:
    """Poll until a deadline, yielding to the loop each time."""
    start = time.monotonic()
    polls = 0
    while time.monotonic() - start < stop_after:
        polls += 1
        await asyncio.sleep(0)
    return polls


def busy_work(seconds: float) -> int:
    """Simulate CPU-bound work by spinning."""
    end = time.time() + seconds
    n = 0
    while time.time() < end:
        n += 1
    return n


async def polls() -> None:
    print("spinner finished:", await spinner(0.1) > 0)
    start = time.perf_counter()
    busy_work(0.2)
    print(f"busy work took {time.perf_counter() - start:.1f}s")
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 0.3
    turns = 0
    while loop.time() < deadline:
        turns += 1
        await asyncio.sleep(0)
    print("loop.time() reached the deadline:", turns > 0)


asyncio.run(main())
asyncio.run(polls())
