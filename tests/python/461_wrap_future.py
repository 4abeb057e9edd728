# asyncio.wrap_future: an asyncio future taking a concurrent.futures.Future's outcome (a turn of
# the loop after it is known), its error, its cancellation both ways; an asyncio future is
# returned as it is, anything else fails its assert. run_in_executor answers an asyncio future.
import asyncio
import concurrent.futures


def double(x):
    return x * 2


async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(0)


async def main():
    loop = asyncio.get_running_loop()
    with concurrent.futures.ThreadPoolExecutor() as pool:
        cf = pool.submit(double, 21)
        af = asyncio.wrap_future(cf)
        print(type(af).__name__, isinstance(af, asyncio.Future), af.done())
        print(await af)
        ef = loop.run_in_executor(pool, double, 5)
        print(type(ef).__name__, asyncio.isfuture(ef), await ef)
        try:
            await asyncio.wrap_future(pool.submit(int, "x"))
        except ValueError as e:
            print("error:", e)

    pending = concurrent.futures.Future()
    wrapped = asyncio.wrap_future(pending)
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    pending.set_result("set later")
    print("set; wrapped done:", wrapped.done())
    print(await wrapped)
    await t

    other = concurrent.futures.Future()
    w = asyncio.wrap_future(other)
    w.cancel()
    await asyncio.sleep(0)
    print("cancelled both:", w.cancelled(), other.cancelled())

    gone = concurrent.futures.Future()
    w2 = asyncio.wrap_future(gone)
    gone.cancel()
    try:
        await w2
    except asyncio.CancelledError:
        print("source cancelled: wrapper cancelled", w2.cancelled())

    fut = loop.create_future()
    print(asyncio.wrap_future(fut) is fut)
    try:
        asyncio.wrap_future(42)
    except AssertionError as e:
        print("AssertionError:", e)
    print(asyncio.wrap_future.__name__)


asyncio.run(main())
