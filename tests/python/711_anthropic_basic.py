# anthropic: AsyncAnthropic().messages.create(...) -> content[0].text, usage, id, stop_reason
import asyncio
import anthropic

async def main():
    client = anthropic.AsyncAnthropic()
    message = await client.messages.create(
        model="claude-sonnet-4-5",
        max_tokens=256,
        messages=[{"role": "user", "content": "Explain asyncio in one sentence."}],
    )
    print(message.content[0].text)
    print(message.id, message.role, message.model, message.stop_reason)
    print(message.usage)
    print(message.usage.input_tokens, message.usage.output_tokens)
    long = await client.messages.create(
        model="claude-haiku-4-5",
        max_tokens=100,
        system="Be brief.",
        messages=[{"role": "user", "content": [{"type": "text", "text": "Write a haiku about event loops and the tasks that take turns"}]}],
    )
    print(long.content[0].text)
    print(long.id, long.usage)

asyncio.run(main())
