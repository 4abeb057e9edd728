# Objects with __await__ (aiohttp's session.get(url) is one) are accepted wherever asyncio
# takes an awaitable: await, gather, wait_for, ensure_future, shield.
import asyncio

class Delayed:
    def __init__(self, v):
        self.v = v
    async def _run(self):
        await asyncio.sleep(0.05)
        return self.v
    def __await__(self):
        return self._run().__await__()

async def main():
    print(await Delayed(1))
    for name, fn in [("gather", lambda: asyncio.gather(Delayed(2), Delayed(3))),
                     ("wait_for", lambda: asyncio.wait_for(Delayed(4), 1)),
                     ("ensure_future", lambda: asyncio.ensure_future(Delayed(5))),
                     ("shield", lambda: asyncio.shield(Delayed(6)))]:
        try:
            print(name, await fn())
        except TypeError as e:
            print(name, "TypeError:", e)

asyncio.run(main())


import aiohttp


async def fetch_all():
    # The tutorial pattern: gather the requests themselves, then read each response.
    async with aiohttp.ClientSession() as session:
        urls = [f"https://api.example.com/users/{i}" for i in (1, 2, 3)]
        responses = await asyncio.gather(*[session.get(url) for url in urls])
        for r in responses:
            user = await r.json()
            print(r.status, user["id"], user["name"])
            r.release()


asyncio.run(fetch_all())
