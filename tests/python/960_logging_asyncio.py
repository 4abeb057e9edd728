# logging in an asyncio program as tutorials write it: basicConfig with a format, a logger per
# module, lazy %-arguments from several tasks, funcName and lineno, a failing task's
# exception logged where it is awaited, and a StreamHandler on stdout for results
import asyncio
import logging
import sys

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s %(funcName)s:%(lineno)d %(message)s")
log = logging.getLogger(__name__)
results = logging.getLogger("results")
out = logging.StreamHandler(sys.stdout)
out.setFormatter(logging.Formatter("%(message)s"))
results.addHandler(out)
results.propagate = False


async def fetch(n):
    log.info("fetch %d starting", n)
    await asyncio.sleep(0.1 * n)
    if n == 3:
        raise ConnectionError(f"host {n} unreachable")
    log.debug("not shown: level is INFO")
    return n * 10


async def worker(name, queue):
    while True:
        item = await queue.get()
        try:
            value = await fetch(item)
            results.info("%s got %d", name, value)
        except ConnectionError:
            log.exception("%s failed on %d", name, item)
        finally:
            queue.task_done()


async def main():
    values = await asyncio.gather(fetch(1), fetch(2), return_exceptions=True)
    results.info("gathered %s", values)
    queue = asyncio.Queue()
    for i in range(1, 5):
        queue.put_nowait(i)
    workers = [asyncio.create_task(worker(f"w{i}", queue)) for i in range(2)]
    await queue.join()
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    try:
        await asyncio.wait_for(fetch(4), timeout=0.25)
    except asyncio.TimeoutError:
        log.warning("fetch 4 timed out")
    log.info("done")


asyncio.run(main())
