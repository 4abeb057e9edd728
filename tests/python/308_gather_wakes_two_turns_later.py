# gather wakes its awaiter two turns after its last child ends: compare with a sleep(0) chain
import asyncio

turn = 0

async def clock():
    global turn
    while turn < 8:
        print(f"turn {turn}")
        turn += 1
        await asyncio.sleep(0)

async def child(name):
    print(f"  {name} runs at turn {turn}")

async def main():
    c = asyncio.create_task(clock())
    await asyncio.sleep(0)
    print(f"main gathers at turn {turn}")
    await asyncio.gather(child("x"), child("y"))
    print(f"main resumes at turn {turn}")
    await c

asyncio.run(main())
