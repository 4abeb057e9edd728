# Condition.wait_for(predicate): consumers wake on every notify but continue only when it holds
import asyncio

async def consumer(name, cond, stock, need):
    async with cond:
        await cond.wait_for(lambda: len(stock) >= need)
        taken = [stock.pop(0) for _ in range(need)]
        print(f"{name} took {taken}")

async def producer(cond, stock):
    for i in range(5):
        await asyncio.sleep(0.1)
        async with cond:
            stock.append(i)
            print(f"produced {i}, stock {stock}")
            cond.notify_all()

async def main():
    cond = asyncio.Condition()
    stock = []
    await asyncio.gather(consumer("needs3", cond, stock, 3), consumer("needs2", cond, stock, 2),
                         producer(cond, stock))
    print("left:", stock)

asyncio.run(main())
