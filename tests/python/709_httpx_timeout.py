# httpx: a per-request timeout shorter than the response -> ReadTimeout (a TimeoutException)
import asyncio
import time
import httpx

async def main():
    async with httpx.AsyncClient(timeout=2.0) as client:
        start = time.monotonic()
        try:
            await client.get("https://example.com/delay/0.5", timeout=0.2)
        except httpx.TimeoutException as e:
            print(type(e).__name__, repr(str(e)), f"after {time.monotonic() - start:.1f}s")
            print(isinstance(e, httpx.ReadTimeout), isinstance(e, httpx.RequestError), isinstance(e, httpx.HTTPError))
        start = time.monotonic()
        r = await client.get("https://example.com/delay/0.5")
        print(r.status_code, r.json(), f"after {time.monotonic() - start:.1f}s")

asyncio.run(main())
