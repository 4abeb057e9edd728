# requests.get inside a coroutine holds the whole loop for its latency (a ticker's tick waits
# for it); the same call in asyncio.to_thread leaves the loop free, and the ticker keeps time
import asyncio
import time

import requests

T0 = time.perf_counter()


def stamp():
    return f"{time.perf_counter() - T0:.1f}"


async def ticker(n):
    for i in range(n):
        print(f"tick {i} at {stamp()}")
        await asyncio.sleep(0.4)


async def fetch_blocking():
    await asyncio.sleep(0.1)
    r = requests.get("https://example.com/delay/0.5")
    print(f"requests.get done at {stamp()}: {r.status_code}")


async def fetch_in_thread():
    await asyncio.sleep(0.1)
    r = await asyncio.to_thread(requests.get, "https://example.com/delay/0.5")
    print(f"to_thread(requests.get) done at {stamp()}: {r.status_code}")


async def main():
    global T0
    await asyncio.gather(ticker(4), fetch_blocking())
    T0 = time.perf_counter()
    await asyncio.gather(ticker(4), fetch_in_thread())


asyncio.run(main())
