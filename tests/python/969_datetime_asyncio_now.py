# datetime in an asyncio program: now() and utcnow() read the clock, so differences after
# sleeps are what the program prints (never today's date itself).
import asyncio
from datetime import date, datetime, timedelta, timezone


async def job(name, delay, log, started):
    await asyncio.sleep(delay)
    elapsed = datetime.now() - started
    log.append((name, round(elapsed.total_seconds(), 1)))
    return elapsed


async def main():
    started = datetime.now()
    log = []
    results = await asyncio.gather(job("a", 0.2, log, started), job("b", 0.5, log, started), job("c", 0.1, log, started))
    print(log)
    print([type(r).__name__ for r in results], [r >= timedelta(0) for r in results])
    total = datetime.now() - started
    print("total", round(total.total_seconds(), 1), total < timedelta(seconds=2))
    print(round((datetime.utcnow() - datetime.utcnow()).total_seconds()), datetime.now().tzinfo)
    aware = datetime.now(timezone.utc)
    print(aware.tzinfo, aware.utcoffset(), round(abs(aware - datetime.now(timezone.utc)).total_seconds()))
    print(date.today() == datetime.now().date(), type(date.today()).__name__, type(datetime.today()).__name__)
    deadline = datetime.now() + timedelta(seconds=0.25)
    ticks = 0
    while datetime.now() < deadline:
        await asyncio.sleep(0.1)
        ticks += 1
    print("ticks", ticks)
    stamp = datetime.fromtimestamp(0, timezone.utc) + timedelta(days=20454)
    print(stamp, stamp.strftime("%Y-%m-%d"), f"{stamp:%H:%M:%S}")


asyncio.run(main())
