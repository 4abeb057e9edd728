# traceback through nested coroutines awaited from main
import asyncio

async def parse(text):
    await asyncio.sleep(0)
    return int(text)

async def load(items):
    out = []
    for t in items:
        out.append(await parse(t))
    return out

async def main():
    print(await load(["1", "2"]))
    print(await load(["3", "four"]))

asyncio.run(main())
