# The event-loop API of older tutorials: get_event_loop() and run_until_complete(), a loop's
# tasks kept between runs, run_forever() with stop(), handles of call_soon/call_later/call_at,
# closing, and asyncio.run's own loop.
import asyncio


async def job(n):
    await asyncio.sleep(0.1 * n)
    print("job", n)
    return n * 10


loop = asyncio.get_event_loop()
print(loop.is_running(), loop.is_closed(), loop is asyncio.get_event_loop())
print(loop.run_until_complete(job(1)))

# gather and ensure_future outside the running loop: they wait for its next run.
both = asyncio.gather(job(2), job(1))
print(asyncio.isfuture(both), asyncio.isfuture(job), both.done())
print(loop.run_until_complete(both))

# A task made before a run runs during it, and one left pending waits for the next run.
early = loop.create_task(job(3), name="early")
print(loop.run_until_complete(job(1)), early.done())
print(loop.run_until_complete(early), early.get_name())


def tick(label, when):
    print("tick", label, round(loop.time() - when, 1))


start = loop.time()
loop.call_soon(tick, "soon", start)
later = loop.call_later(0.2, tick, "later", start)
cancelled = loop.call_later(0.1, tick, "cancelled", start)
at = loop.call_at(start + 0.3, tick, "at", start)
print(type(later).__name__, type(loop.call_soon(print, "second soon")).__name__)
cancelled.cancel()
print(cancelled.cancelled(), later.cancelled(), round(at.when() - start, 1))
loop.call_later(0.4, loop.stop)
loop.run_forever()
print("run_forever returned")


async def stopper():
    await asyncio.sleep(0.1)
    asyncio.get_running_loop().stop()


try:
    loop.run_until_complete(asyncio.gather(stopper(), asyncio.sleep(1)))
except RuntimeError as e:
    print("RuntimeError:", e)


async def inside():
    try:
        asyncio.get_running_loop().run_until_complete(asyncio.sleep(0))
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        asyncio.get_running_loop().close()
    except RuntimeError as e:
        print("RuntimeError:", e)


loop.run_until_complete(inside())
loop.close()
print(loop.is_closed())
loop.close()
try:
    loop.run_until_complete(asyncio.sleep(0))
except RuntimeError as e:
    print("RuntimeError:", e)

fresh = asyncio.new_event_loop()
asyncio.set_event_loop(fresh)
print(fresh is asyncio.get_event_loop(), fresh.run_until_complete(job(0)))
fresh.close()


async def main():
    running = asyncio.get_running_loop()
    print("in asyncio.run:", running is fresh, running.is_running(), running is asyncio.get_event_loop())
    return running


own = asyncio.run(main())
print(own.is_closed())
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
