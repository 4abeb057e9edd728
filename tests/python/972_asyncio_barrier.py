# asyncio.Barrier (3.11): wait() returns the arrival index, everyone goes on when the last
# party arrives, the barrier fills again for the next round, async with, n_waiting, parties.
import asyncio


async def worker(name, barrier, delay):
    await asyncio.sleep(delay)
    print(f"{name} arrives, {barrier.n_waiting} already waiting")
    index = await barrier.wait()
    print(f"{name} passes, arrival index {index}")
    return index


async def rounds(name, barrier, delays):
    for n, delay in enumerate(delays):
        await asyncio.sleep(delay)
        async with barrier as position:
            print(f"round {n}: {name} through at position {position}")


async def main():
    barrier = asyncio.Barrier(3)
    print(barrier.parties, barrier.n_waiting, barrier.broken)
    results = await asyncio.gather(*(worker(f"w{i}", barrier, 0.1 * (3 - i)) for i in range(3)))
    print(results, barrier.n_waiting, barrier.broken)

    pair = asyncio.Barrier(2)
    await asyncio.gather(rounds("a", pair, [0.1, 0.3]), rounds("b", pair, [0.2, 0.0]))

    lone = asyncio.Barrier(1)
    print(await lone.wait(), await lone.wait())

    gate = asyncio.Barrier(4)
    order = []

    async def runner(n):
        await gate.wait()
        order.append(n)

    tasks = [asyncio.create_task(runner(n)) for n in range(3)]
    await asyncio.sleep(0.1)
    print("waiting at the gate:", gate.n_waiting, order)
    print("main is last:", await gate.wait())
    await asyncio.gather(*tasks)
    print("order after the gate:", order)

    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
