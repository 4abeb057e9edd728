# The Examples menu's requests program (src/play/examples.rs, key "requests"): the blocking
# client holds the loop in a coroutine, and runs at the same time as others in to_thread
import asyncio
import time
import requests  # a blocking HTTP client, as in many tutorials

URL = "https://api.example.com/posts/{}"

async def fetch_blocking(i):
    r = requests.get(URL.format(i))  # holds the whole loop until its answer comes
    return r.json()["id"]

async def fetch_in_thread(i):
    r = await asyncio.to_thread(requests.get, URL.format(i))  # the loop stays free
    return r.json()["id"]

async def main():
    start = time.perf_counter()
    print(await asyncio.gather(*(fetch_blocking(i) for i in range(1, 4))))
    print(f"requests.get in coroutines: {time.perf_counter() - start:.1f} s, one after another")
    start = time.perf_counter()
    print(await asyncio.gather(*(fetch_in_thread(i) for i in range(1, 4))))
    print(f"requests.get in threads: {time.perf_counter() - start:.1f} s, at the same time")

asyncio.run(main())
