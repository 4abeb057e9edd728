# openai: the sync OpenAI() client blocks the event loop (a ticker cannot tick meanwhile); in
# asyncio.to_thread its calls run at the same time and the loop stays free
import asyncio
import time
import interleave
from openai import OpenAI

ticks = 0

async def ticker():
    global ticks
    while True:
        await asyncio.sleep(0.2)
        ticks += 1

def ask(client, i):
    resp = client.chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": f"Question {i}"}])
    return resp.choices[0].message.content

async def ask_blocking(client, i):
    return ask(client, i)  # holds the whole loop until the answer comes

async def main():
    interleave.simulate(latency=0.5)
    with OpenAI() as client:
        t = asyncio.create_task(ticker())
        await asyncio.sleep(0)
        start = time.perf_counter()
        print(await asyncio.gather(*(ask_blocking(client, i) for i in range(3))))
        print(f"sync client in coroutines: {time.perf_counter() - start:.1f}s, ticks: {ticks}")
        resp = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "id?"}])
        print(resp.id, resp.usage)
        t.cancel()
        interleave.simulate(latency=None)  # the LLM's own latencies: 0.6 s, 0.7 s and 0.6 s
        start = time.perf_counter()
        print(await asyncio.gather(*(asyncio.to_thread(ask, client, i) for i in (4, 9, 11))))
        print(f"sync client in threads: {time.perf_counter() - start:.1f}s")

asyncio.run(main())
