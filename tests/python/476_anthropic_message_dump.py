# anthropic: a Message's to_json(), to_dict(), model_dump() and model_dump_json(), after a
# stream (the SDK README's streaming helper) and after create(); a streamed event's dump.
import asyncio
import json
from anthropic import AsyncAnthropic

client = AsyncAnthropic()


async def main() -> None:
    async with client.messages.stream(
        max_tokens=1024,
        messages=[{"role": "user", "content": "Say hello there!"}],
        model="claude-sonnet-4-5",
    ) as stream:
        async for text in stream.text_stream:
            print(text, end="", flush=True)
        print()
    message = await stream.get_final_message()
    print(message.to_json())
    d = message.to_dict()
    print(type(d).__name__, list(d), d["usage"], d["content"][0]["type"])
    print(message.model_dump() == d, message.model_dump(exclude_none=True).keys() == d.keys() - {"stop_sequence"})
    print(message.model_dump_json() == json.dumps(d, separators=(",", ":"), ensure_ascii=False))
    print(message.model_dump(include={"role", "type"}), message.content[0].model_dump())
    print(message.usage.to_json(indent=None), message.usage.model_dump_json(indent=4))

    m = await client.messages.create(
        max_tokens=64, messages=[{"role": "user", "content": "Café ☕?"}], model="claude-sonnet-4-5"
    )
    print(m.model_dump_json())
    print(json.loads(m.to_json())["content"][0]["text"])

    async with client.messages.stream(
        max_tokens=64, messages=[{"role": "user", "content": "Hi"}], model="claude-sonnet-4-5"
    ) as stream:
        async for event in stream:
            if event.type in ("content_block_delta", "message_delta"):
                print(event.to_dict())


asyncio.run(main())
