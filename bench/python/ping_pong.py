# Queue ping-pong: two tasks bounce a counter through two asyncio.Queues 50,000 times.
import asyncio

N = 50_000


async def player(inbox, outbox, last):
    while True:
        n = await inbox.get()
        if n >= last:
            await outbox.put(n)
            return n
        await outbox.put(n + 1)


async def main():
    a, b = asyncio.Queue(), asyncio.Queue()
    await a.put(0)
    x, y = await asyncio.gather(player(a, b, N), player(b, a, N))
    print("ping-pong", x, y)


asyncio.run(main())
