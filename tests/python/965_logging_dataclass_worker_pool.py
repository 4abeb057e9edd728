# A tutorial-style worker pool using the three together: jobs as dataclasses ordered by
# priority with the payload left out of comparisons (field(compare=False)), a retry
# decorator made with functools.wraps, and logging configured with basicConfig (to stderr,
# with funcName) plus a results logger on stdout
import asyncio
import functools
import logging
import sys
from dataclasses import dataclass, field, asdict

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s.%(funcName)s: %(message)s")
log = logging.getLogger("pool")
report = logging.getLogger("report")
report.addHandler(logging.StreamHandler(sys.stdout))
report.propagate = False


@dataclass
class Payload:
    url: str
    size: int


@dataclass(order=True)
class Job:
    priority: int
    seq: int
    payload: Payload = field(compare=False)
    attempts: int = field(default=0, compare=False, repr=False)


def retry(times):
    def decorator(func):
        @functools.wraps(func)
        async def wrapper(job):
            for attempt in range(1, times + 1):
                job.attempts = attempt
                try:
                    return await func(job)
                except ConnectionError as e:
                    log.warning("%s attempt %d: %s", func.__name__, attempt, e)
            log.error("%s gave up on %s", func.__name__, job.payload.url)
            return None

        return wrapper

    return decorator


@retry(2)
async def download(job):
    await asyncio.sleep(job.payload.size / 10)
    if job.payload.url.endswith("flaky") and job.attempts == 1:
        raise ConnectionError("connection reset")
    if job.payload.url.endswith("down"):
        raise ConnectionError("host down")
    return job.payload.size * 100


async def worker(name, jobs, done):
    while jobs:
        job = jobs.pop(0)
        log.info("%s takes job %d (priority %d)", name, job.seq, job.priority)
        done.append((job, await download(job)))


async def main():
    urls = [("a.example/x", 1, 8), ("b.example/flaky", 2, 1), ("c.example/down", 1, 2), ("d.example/y", 3, 1)]
    jobs = sorted(Job(prio, seq, Payload(url, size)) for seq, (url, prio, size) in enumerate(urls))
    print([j.seq for j in jobs], jobs[0])
    done = []
    await asyncio.gather(worker("w1", jobs, done), worker("w2", jobs, done))
    for job, result in sorted(done):
        report.info("job %d %s -> %s after %d attempt(s)", job.seq, job.payload.url, result, job.attempts)
    print(asdict(done[0][0]), download.__name__)


asyncio.run(main())
