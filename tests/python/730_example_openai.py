# The Examples menu's OpenAI program (src/play/examples.rs, key "openai"): a batch of chat
# completions, at most 3 in flight, some rate limited and retried by the client
import asyncio
import time
import interleave
from openai import AsyncOpenAI, RateLimitError

# Requests to api.openai.com are answered by Interleave's simulated LLM, here
# with 25% of requests refused (429: rate limited). The client retries a
# refused call twice (max_retries=2), after 0.5 s then 1 s.
interleave.simulate(failure_rate=0.25)

client = AsyncOpenAI()  # no API key needed
start = time.perf_counter()

TOPICS = ["asyncio", "coroutines", "threads", "locks", "Python", "coffee"]

async def haiku(limit, topic):
    async with limit:  # at most 3 calls in flight; the others wait here
        resp = await client.chat.completions.create(
            model="gpt-4o-mini",
            messages=[{"role": "user", "content": f"Write a haiku about {topic}"}],
            max_tokens=30,
        )
        return f"{resp.choices[0].message.content} (done at {time.perf_counter() - start:.1f} s)"

async def main():
    limit = asyncio.Semaphore(3)
    # return_exceptions=True: a call that failed for good comes back as its
    # exception, and the other calls carry on
    results = await asyncio.gather(*(haiku(limit, t) for t in TOPICS), return_exceptions=True)
    for topic, r in zip(TOPICS, results):
        if isinstance(r, RateLimitError):
            print(f"{topic}: still rate limited after 2 retries")
        else:
            print(f"{topic}: {r}")
    print(f"{len(TOPICS)} calls in {time.perf_counter() - start:.1f} s")

asyncio.run(main())
