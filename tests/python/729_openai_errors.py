# openai: the exceptions tutorials catch, with openai-python's wording: NotFoundError (a wrong
# path), BadRequestError, APITimeoutError (retried once, then raised), APIConnectionError; and
# stream=True, async and sync: the answer's words as chunks
import asyncio
import time
import openai
from openai import AsyncOpenAI

MSGS = [{"role": "user", "content": "Hello"}]

async def main():
    wrong = AsyncOpenAI(base_url="https://api.openai.com/v2", max_retries=0)
    try:
        await wrong.chat.completions.create(model="gpt-4o-mini", messages=MSGS)
    except openai.NotFoundError as e:
        print(type(e).__name__, e.status_code, "|", e)
    client = AsyncOpenAI(max_retries=0)
    try:
        await client.chat.completions.create(model="gpt-4o-mini", messages="Hello")
    except openai.BadRequestError as e:
        print(type(e).__name__, e.status_code, e.code, e.type, "|", e.message)
    start = time.monotonic()
    try:
        await client.with_options(max_retries=1).chat.completions.create(
            model="gpt-4o-mini", messages=MSGS, timeout=0.2)
    except openai.APITimeoutError as e:
        print(type(e).__name__, isinstance(e, openai.APIConnectionError), "|", e,
              f"{time.monotonic() - start:.1f}s")
    offline = AsyncOpenAI(base_url="http://nope.invalid/v1", max_retries=0)
    try:
        await offline.chat.completions.create(model="gpt-4o-mini", messages=MSGS)
    except openai.APIConnectionError as e:
        print(type(e).__name__, "|", e, "|", e.request.url)
    stream = await client.chat.completions.create(model="gpt-4o-mini", messages=MSGS, stream=True)
    async for chunk in stream:
        print(repr(chunk.choices[0].delta.content), chunk.choices[0].finish_reason, end=" | ")
    print()
    print(chunk)
    with openai.OpenAI().chat.completions.create(model="m", messages=MSGS, stream=True) as stream:
        print("".join(c.choices[0].delta.content or "" for c in stream))
    for cls in [openai.APIError, openai.APIStatusError, openai.APIConnectionError, openai.APITimeoutError,
                openai.BadRequestError, openai.AuthenticationError, openai.NotFoundError,
                openai.RateLimitError, openai.InternalServerError]:
        print(cls.__name__, [b.__name__ for b in cls.__mro__[1:-2]])

asyncio.run(main())
