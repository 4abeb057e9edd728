#!/usr/bin/env python3
# Tutorial (Real Python's asyncq.py, pasted as is but for printing the random items' length):
# argparse for the counts (no command line here: the defaults), os.urandom, itertools.repeat,
# a seeded random, producers and consumers over an asyncio.Queue

import argparse
import asyncio
import itertools as it
import os
import random
import time

async def makeitem(size: int = 5) -> str:
    return os.urandom(size).hex()

async def randsleep(caller=None) -> None:
    i = random.randint(0, 3)
    if caller:
        print(f"{caller} sleeping for {i} tenths.")
    await asyncio.sleep(i / 10)

async def produce(name: int, q: asyncio.Queue) -> None:
    n = random.randint(0, 4)
    for _ in it.repeat(None, n):  # Synchronous loop for each single producer
        await randsleep(caller=f"Producer {name}")
        i = await makeitem()
        t = time.perf_counter()
        await q.put((i, t))
        print(f"Producer {name} added <{len(i)} hex digits> to queue.")

async def consume(name: int, q: asyncio.Queue) -> None:
    while True:
        await randsleep(caller=f"Consumer {name}")
        i, t = await q.get()
        now = time.perf_counter()
        print(f"Consumer {name} got element <{len(i)} hex digits>"
              f" in {now-t:0.1f} seconds.")
        q.task_done()

async def main(nprod: int, ncon: int):
    q = asyncio.Queue()
    producers = [asyncio.create_task(produce(n, q)) for n in range(nprod)]
    consumers = [asyncio.create_task(consume(n, q)) for n in range(ncon)]
    await asyncio.gather(*producers)
    await q.join()  # Implicitly awaits consumers, too
    for c in consumers:
        c.cancel()

if __name__ == "__main__":
    random.seed(444)
    parser = argparse.ArgumentParser()
    parser.add_argument("-p", "--nprod", type=int, default=2)
    parser.add_argument("-c", "--ncon", type=int, default=3)
    ns = parser.parse_args()
    print(ns)
    start = time.perf_counter()
    asyncio.run(main(**ns.__dict__))
    elapsed = time.perf_counter() - start
    print(f"Program completed in {elapsed:0.1f} seconds.")
