# logging.basicConfig(level=DEBUG) shows asyncio's own debug line each time a loop is made
# (asyncio.run, new_event_loop, a Runner), before the program's own records.
import asyncio
import logging

logging.basicConfig(
    level=logging.DEBUG, format="%(levelname)s %(name)s [%(module)s.%(funcName)s:%(lineno)d] %(message)s"
)
log = logging.getLogger("app")


async def work(n):
    log.debug("working on %d", n)
    await asyncio.sleep(0.1)
    log.info("done %d", n)
    return n


print(asyncio.run(work(1)))
loop = asyncio.new_event_loop()
print(loop.run_until_complete(work(2)))
loop.close()
with asyncio.Runner() as runner:
    print(runner.run(work(3)))
logging.getLogger("asyncio").setLevel(logging.WARNING)
print(asyncio.run(work(4)))
