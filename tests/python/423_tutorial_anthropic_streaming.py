# Tutorial (the Anthropic SDK's streaming examples): messages.stream() with text_stream and
# get_final_message(), create(stream=True) read event by event, and two streams at once
import asyncio
import time
from anthropic import AsyncAnthropic
import interleave

interleave.simulate(latency=0.5)

client = AsyncAnthropic()

async def stream_answer(prompt: str) -> str:
    async with client.messages.stream(
        max_tokens=1024,
        messages=[{"role": "user", "content": prompt}],
        model="claude-sonnet-4-5",
    ) as stream:
        async for text in stream.text_stream:
            print(text, end="", flush=True)
        print()
    message = await stream.get_final_message()
    return f"{message.stop_reason}, {message.usage.output_tokens} tokens"

async def main():
    start = time.perf_counter()
    print(await stream_answer("Write a haiku about coroutines"))
    stream = await client.messages.create(
        max_tokens=256,
        messages=[{"role": "user", "content": "Count to three"}],
        model="claude-haiku-4-5",
        stream=True,
    )
    async for event in stream:
        if event.type == "message_start":
            print("start:", event.message.id, event.message.content)
        elif event.type == "content_block_delta":
            print(f"delta {event.delta.text!r}")
        elif event.type == "message_delta":
            print("end:", event.delta.stop_reason, event.usage)
        else:
            print(event)
    async with client.messages.stream(model="claude-haiku-4-5", max_tokens=64,
                                      messages=[{"role": "user", "content": "Hi"}]) as s:
        print(repr(await s.get_final_text()))
    print(f"took {time.perf_counter() - start:.1f}s")

asyncio.run(main())
