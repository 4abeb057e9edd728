# the sync anthropic.Anthropic() client blocks the event loop: a ticker cannot tick meanwhile
import asyncio
import time
import anthropic
import interleave

ticks = 0

async def ticker():
    global ticks
    while True:
        await asyncio.sleep(0.2)
        ticks += 1

async def main():
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0.05)
    interleave.simulate(latency=0.5)
    sync_client = anthropic.Anthropic()
    start = time.monotonic()
    msg = sync_client.messages.create(model="claude-haiku-4-5", max_tokens=20,
                                      messages=[{"role": "user", "content": "hi"}])
    print(msg.content[0].text, f"took {time.monotonic() - start:.1f}s")
    print("ticks while the sync call ran:", ticks)
    interleave.simulate(latency=0.5)
    async_client = anthropic.AsyncAnthropic()
    before = ticks
    msg = await async_client.messages.create(model="claude-haiku-4-5", max_tokens=20,
                                             messages=[{"role": "user", "content": "hi"}])
    print(msg.content[0].text, "ticks during the async call:", ticks - before)
    t.cancel()

asyncio.run(main())
