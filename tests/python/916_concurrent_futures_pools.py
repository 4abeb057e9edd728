# loop.run_in_executor with concurrent.futures' executors (the page runs both in its workers)
import asyncio
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


def square(x):
    return x * x


async def main():
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor() as pool:
        print(await asyncio.gather(*(loop.run_in_executor(pool, square, i) for i in range(4))))
    with ThreadPoolExecutor(max_workers=2) as pool:
        print(await loop.run_in_executor(pool, sorted, [3, 1, 2]))
    try:
        loop.run_in_executor(pool, square, 2)
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        ThreadPoolExecutor(max_workers=0)
    except ValueError as e:
        print("ValueError:", e)


if __name__ == "__main__":
    asyncio.run(main())
