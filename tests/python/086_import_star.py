# `from module import *` at module level: a module's public names (or its __all__), then
# used at the top level and inside functions.
from math import *
from asyncio import *
from dataclasses import *


@dataclass
class Job:
    n: int


async def work(job):
    await sleep(0.1)
    return floor(sqrt(job.n))


async def main():
    print(await gather(*(work(Job(n)) for n in (4, 10, 99))))
    q = Queue()
    await q.put("x")
    print(q.qsize(), isinstance(q, Queue))


print(round(pi, 4), fields(Job)[0].name)
run(main())
