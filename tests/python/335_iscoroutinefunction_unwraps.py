# asyncio.iscoroutinefunction sees through bound methods and functools.partial, as inspect's.
import asyncio
import functools


async def fetch(url, timeout):
    return url


class Client:
    async def get(self, url):
        return url

    def close(self):
        pass


c = Client()
checks = {
    "coroutine function": fetch,
    "partial of one": functools.partial(fetch, timeout=1),
    "partial of a partial": functools.partial(functools.partial(fetch, "u"), 2),
    "bound async method": c.get,
    "bound plain method": c.close,
    "a builtin": print,
    "asyncio.sleep": asyncio.sleep,
    "a lambda": lambda: fetch("x", 1),
}
for what, f in checks.items():
    print(f"{what:>22}: {asyncio.iscoroutinefunction(f)}")
