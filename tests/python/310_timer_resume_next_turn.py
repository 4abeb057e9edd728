# a task resumed by a timer runs on the turn after the timer fires: compare with a sleep(0) spinner
import asyncio
import time

turn = 0
stop = False
mark = None

async def spinner():
    global turn
    while not stop:
        turn += 1
        await asyncio.sleep(0)

async def sleeper():
    await asyncio.sleep(0.1)
    print("sleeper resumed", turn - mark, "spinner turns after the loop was unblocked")
    before = turn
    await asyncio.sleep(0)
    print("sleep(0) costs exactly one spinner turn:", turn - before)

async def main():
    global stop, mark
    s = asyncio.create_task(spinner())
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    time.sleep(0.15)
    mark = turn
    print("main blocked 0.15 s; the sleeper's timer is due")
    await t
    print("main resumed", turn - mark, "spinner turns after unblocking")
    stop = True
    await s

asyncio.run(main())
