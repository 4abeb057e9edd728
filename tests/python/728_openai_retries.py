# openai: under interleave.simulate(failure_rate=...) calls fail with 429 (RateLimitError);
# the client retries twice by default, after 0.5 s then 1 s, and max_retries=0 gives up at once
import asyncio
import time
import interleave
import openai

async def main():
    interleave.simulate(latency=0.1, failure_rate=0.6)
    client = openai.AsyncOpenAI()
    for i in range(3):
        start = time.monotonic()
        try:
            resp = await client.chat.completions.create(
                model="gpt-4o-mini", messages=[{"role": "user", "content": f"try {i}"}])
            print(i, resp.id, resp.choices[0].message.content, f"{time.monotonic() - start:.1f}s")
        except openai.RateLimitError as e:
            print(i, "gave up:", e.status_code, e.code, e.type, e.param, f"{time.monotonic() - start:.1f}s")
    no_retry = client.with_options(max_retries=0)
    for i in range(4):
        try:
            resp = await no_retry.chat.completions.create(
                model="gpt-4o-mini", messages=[{"role": "user", "content": "once"}])
            print("succeeded:", resp.id)
        except openai.APIStatusError as e:
            print(type(e).__name__, isinstance(e, openai.APIError), isinstance(e, openai.OpenAIError))
            print(e)
            print(e.message == str(e), e.body)
            print(e.response.status_code, e.request.method, e.request.url)

asyncio.run(main())
