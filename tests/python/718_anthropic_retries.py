# anthropic: failed calls are retried (max_retries=2 by default) after 0.5 s then 1 s
import asyncio
import time
import anthropic
import interleave

async def main():
    interleave.simulate(latency=0.1, failure_rate=0.6)
    client = anthropic.AsyncAnthropic()
    for i in range(2):
        start = time.monotonic()
        try:
            msg = await client.messages.create(model="claude-haiku-4-5", max_tokens=10,
                                               messages=[{"role": "user", "content": f"try {i}"}])
            print(i, msg.id, msg.content[0].text, f"{time.monotonic() - start:.1f}s")
        except anthropic.RateLimitError as e:
            print(i, "gave up:", e.status_code, e.body["error"]["type"], f"{time.monotonic() - start:.1f}s")
    no_retry = anthropic.AsyncAnthropic(max_retries=0)
    try:
        await no_retry.messages.create(model="m", max_tokens=1, messages=[{"role": "user", "content": "x"}])
        print("succeeded first time")
    except anthropic.APIStatusError as e:
        print(type(e).__name__, isinstance(e, anthropic.APIError), isinstance(e, anthropic.AnthropicError))
        print(e.message)

asyncio.run(main())
