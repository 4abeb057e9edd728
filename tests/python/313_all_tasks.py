# asyncio.all_tasks(): counts the running tasks, including main, as tasks start and finish
import asyncio

async def nap(d):
    await asyncio.sleep(d)

async def main():
    print("only main:", len(asyncio.all_tasks()))
    tasks = [asyncio.create_task(nap(0.2 * (i + 1))) for i in range(3)]
    print("after creating 3:", len(asyncio.all_tasks()))
    await asyncio.sleep(0.3)
    print("after 0.3 s:", len(asyncio.all_tasks()))
    await asyncio.sleep(0.2)
    print("after 0.5 s:", len(asyncio.all_tasks()))
    await asyncio.gather(*tasks)
    print("after gather:", len(asyncio.all_tasks()), asyncio.current_task() in asyncio.all_tasks())
    print(sorted(t.get_name() for t in asyncio.all_tasks()))

asyncio.run(main())
