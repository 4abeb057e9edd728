# openai: AsyncOpenAI's chat.completions.create on the simulated LLM (api.openai.com), the
# ChatCompletion's attributes, reprs and dumps, a conversation and content parts
import asyncio
import openai
from openai import AsyncOpenAI

async def main():
    client = AsyncOpenAI()  # no API key needed
    resp = await client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": "Hi"}],
    )
    print(resp.choices[0].message.content)
    print(resp.id, resp.object, resp.created, resp.model)
    print(resp.choices[0].message.role, resp.choices[0].finish_reason, resp.choices[0].index)
    print(resp.usage.prompt_tokens, resp.usage.completion_tokens, resp.usage.total_tokens)
    print(resp.choices[0].message.tool_calls, resp.choices[0].message.refusal)
    print(repr(resp.usage))
    print(resp.choices[0].message)
    print(resp)
    print(resp.to_dict())
    print(resp.model_dump()["choices"][0]["message"])
    print(resp.model_dump_json(exclude_unset=True))
    print(resp.choices[0].message.to_json())
    async with openai.AsyncOpenAI(api_key="sk-ignored", max_retries=1, timeout=30.0) as c2:
        resp = await c2.chat.completions.create(
            model="gpt-4o",
            messages=[
                {"role": "system", "content": "You are terse."},
                {"role": "user", "content": "Name a prime"},
                {"role": "assistant", "content": "7"},
                {"role": "user", "content": [{"type": "text", "text": "Another one,"},
                                             {"type": "text", "text": "please"}]},
            ],
            max_tokens=20,
            temperature=0.2,
            user="someone",
        )
        print(resp.id, resp.choices[0].message.content, resp.usage.total_tokens)
    print(isinstance(resp, openai.BaseModel), type(resp).__name__)

asyncio.run(main())
