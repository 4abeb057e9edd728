# The tutorial programs that meet big ints: a CPU-bound sum of squares in asyncio.to_thread,
# Fibonacci numbers, a factorial table, powers of two.
import asyncio
import math


def sum_of_squares(n):
    return sum(i * i for i in range(n))


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


async def main():
    result, ticks = await asyncio.gather(asyncio.to_thread(sum_of_squares, 3_000_000), tick())
    print("sum of squares:", result, type(result).__name__)
    print("as float:", float(result), f"{result:,}")
    print("back from the worker:", await asyncio.to_thread(lambda: 2 ** 100), await asyncio.to_thread(pow, 3, 90))


async def tick():
    await asyncio.sleep(0)
    return "tick"


asyncio.run(main())
print(fib(90), fib(93), fib(100), fib(200))
for n in range(18, 31, 3):
    print(f"{n:>3}! = {math.factorial(n)}")
print(2 ** 100, 2 ** 64 - 1, [2 ** k for k in (62, 63, 64, 65)])
total = 0
for i in range(100):
    total += 2 ** i
print(total, total == 2 ** 100 - 1)
print(sum(i ** 3 for i in range(1, 100_000)))
