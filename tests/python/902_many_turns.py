# 20000 sleep(0) turns shared by two tasks: strict alternation holds throughout
import asyncio

log = []

async def spin(name, n):
    for _ in range(n):
        log.append(name)
        await asyncio.sleep(0)

async def main():
    await asyncio.gather(spin("a", 10000), spin("b", 10000))
    alternates = all(log[i] != log[i + 1] for i in range(len(log) - 1))
    print(len(log), log[:6], alternates)

asyncio.run(main())
