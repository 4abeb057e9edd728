# anthropic: 10 prompts, at most 3 in flight, simulated failures, gather(return_exceptions=True)
import asyncio
import anthropic
import interleave

interleave.simulate(latency=0.1, failure_rate=0.3)

async def ask(client, sem, i):
    async with sem:
        msg = await client.messages.create(
            model="claude-haiku-4-5",
            max_tokens=50,
            messages=[{"role": "user", "content": f"Question number {i}"}],
        )
        return msg.content[0].text

async def main():
    client = anthropic.AsyncAnthropic(max_retries=0)
    sem = asyncio.Semaphore(3)
    results = await asyncio.gather(*(ask(client, sem, i) for i in range(10)), return_exceptions=True)
    for i, r in enumerate(results):
        if isinstance(r, Exception):
            print(i, type(r).__name__, r.status_code, r)
        else:
            print(i, r)
    failed = sum(isinstance(r, anthropic.RateLimitError) for r in results)
    print("failed:", failed, "of", len(results))

asyncio.run(main())
