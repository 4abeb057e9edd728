# Event: wait/set/clear/is_set; every waiter wakes, in the order it started waiting
import asyncio

async def waiter(name, ev):
    print(f"{name} waiting")
    result = await ev.wait()
    print(f"{name} woke, wait() returned {result}")

async def main():
    ev = asyncio.Event()
    print("is_set:", ev.is_set())
    tasks = [asyncio.create_task(waiter(n, ev)) for n in ("a", "b", "c")]
    await asyncio.sleep(0.1)
    print("setting")
    ev.set()
    print("is_set:", ev.is_set())
    await asyncio.gather(*tasks)
    print("wait on a set event returns at once:", await ev.wait())
    ev.clear()
    print("after clear:", ev.is_set())
    late = asyncio.create_task(waiter("late", ev))
    await asyncio.sleep(0.1)
    print("late still waiting:", not late.done())
    ev.set()
    ev.clear()
    await late
    print("a set() then clear() in one turn still woke it")

asyncio.run(main())
