# openai: a gather of 5 chat completions, at most 3 in flight (asyncio.Semaphore); each call
# starts when a slot frees, and the gather's results come back in the calls' order
import asyncio
import time
from openai import AsyncOpenAI

client = AsyncOpenAI()
start = time.perf_counter()

def now():
    return f"{time.perf_counter() - start:.1f}s"

async def summarize(limit, i):
    async with limit:
        print(f"{now()} start article {i}")
        resp = await client.chat.completions.create(
            model="gpt-4o-mini",
            messages=[{"role": "user", "content": f"Summarize article {i}"}],
            max_tokens=50,
        )
        print(f"{now()} done  article {i} ({resp.id})")
        return resp.choices[0].message.content

async def main():
    limit = asyncio.Semaphore(3)
    answers = await asyncio.gather(*(summarize(limit, i) for i in range(5)))
    for a in answers:
        print(a)
    print(f"5 calls in {now()}")

asyncio.run(main())
