# Tutorial: a sliding-window rate limiter (3 calls per 0.5 s) as an async context manager
# over a deque of loop.time() stamps and a Lock; the calls print when they ran (.1f)
import asyncio
import time
from collections import deque

class RateLimiter:
    """Allow at most `rate` calls per `per` seconds (sliding window)."""

    def __init__(self, rate: int, per: float):
        self.rate = rate
        self.per = per
        self.calls: deque[float] = deque()
        self._lock = asyncio.Lock()

    async def __aenter__(self):
        async with self._lock:
            loop = asyncio.get_running_loop()
            while True:
                now = loop.time()
                while self.calls and now - self.calls[0] >= self.per:
                    self.calls.popleft()
                if len(self.calls) < self.rate:
                    self.calls.append(now)
                    return self
                await asyncio.sleep(self.per - (now - self.calls[0]))

    async def __aexit__(self, *exc):
        return None

async def call_api(limiter: RateLimiter, i: int, start: float) -> int:
    async with limiter:
        print(f"call {i} at {time.perf_counter() - start:.1f}s")
        await asyncio.sleep(0.01)
        return i * i

async def main():
    limiter = RateLimiter(rate=3, per=0.5)
    start = time.perf_counter()
    results = await asyncio.gather(*(call_api(limiter, i, start) for i in range(7)))
    print(results, f"{time.perf_counter() - start:.1f}s")

asyncio.run(main())
