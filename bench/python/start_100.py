# Parsing and starting a 100-line program: a tutorial-sized asyncio program (classes, a
# dataclass, f-strings, comprehensions, try/except, a worker pool) whose run is short, so its
# time is mostly parsing, compiling and starting.
import asyncio
import random
from dataclasses import dataclass, field

RETRIES = 0


@dataclass
class Job:
    name: str
    cost: float
    tags: list = field(default_factory=list)

    def label(self):
        return f"{self.name} ({self.cost:.2f} s)"


class Stats:
    def __init__(self):
        self.done = 0
        self.failed = 0
        self.by_tag = {}

    def record(self, job, ok):
        if ok:
            self.done += 1
        else:
            self.failed += 1
        for tag in job.tags:
            self.by_tag[tag] = self.by_tag.get(tag, 0) + 1

    def __repr__(self):
        return f"Stats(done={self.done}, failed={self.failed})"


class Flaky(Exception):
    pass


def make_jobs(n, rng):
    names = ["fetch", "parse", "store", "index"]
    jobs = []
    for i in range(n):
        name = f"{names[i % len(names)]}-{i}"
        tags = [t for t in ("io", "cpu", "net") if rng.random() < 0.5]
        jobs.append(Job(name, round(rng.uniform(0.0, 0.01), 3), tags))
    return jobs


async def run_job(job, rng):
    await asyncio.sleep(0)
    if rng.random() < 0.2:
        raise Flaky(f"{job.name} failed")
    return job.cost * 2


async def worker(wid, queue, stats, rng, results):
    while True:
        job = await queue.get()
        try:
            results[job.name] = await run_job(job, rng)
            stats.record(job, True)
        except Flaky as e:
            stats.record(job, False)
            results[job.name] = str(e)
        finally:
            queue.task_done()


async def with_timeout(coro, seconds):
    try:
        return await asyncio.wait_for(coro, timeout=seconds)
    except asyncio.TimeoutError:
        return None


async def main():
    rng = random.Random(7)
    jobs = make_jobs(12, rng)
    queue = asyncio.Queue(maxsize=4)
    stats = Stats()
    results = {}
    workers = [asyncio.create_task(worker(w, queue, stats, rng, results)) for w in range(3)]
    for job in jobs:
        await queue.put(job)
    await queue.join()
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    quick = await with_timeout(asyncio.sleep(0, result="quick"), 1.0)
    totals = {k: v for k, v in sorted(stats.by_tag.items())}
    ok = [name for name, r in results.items() if isinstance(r, float)]
    print(stats, totals, quick)
    print(f"{len(ok)} ok of {len(jobs)}; first: {jobs[0].label()}")


asyncio.run(main())
