# asyncio.sleep(delay, result=...) returns result; sleep(0) returns None
import asyncio

async def main():
    print(await asyncio.sleep(0))
    print(await asyncio.sleep(0.1, result="slept"))
    print(await asyncio.sleep(0, result=[1, 2]))
    values = await asyncio.gather(asyncio.sleep(0.2, "slow"), asyncio.sleep(0.1, "fast"))
    print(values)
    t = asyncio.create_task(asyncio.sleep(0.1, result={"k": 1}))
    print(await t, t.result())

asyncio.run(main())
