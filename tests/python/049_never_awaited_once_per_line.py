# "coroutine … was never awaited" is printed once per line and coroutine, as the warnings
# module's default action prints it: a forgotten await in a loop warns once, another line or
# another coroutine warns again; one still held when the program ends warns at sys:1, where
# CPython adds no tracemalloc hint.
import asyncio


async def count(n):
    return n


async def other(n):
    return n


async def main():
    for i in range(3):
        count(i)  # forgot await, three times on one line
    for i in range(2):
        other(i)  # another coroutine on another line
    count(9)  # the same coroutine on another line
    print("done")


kept = other(0)
asyncio.run(main())
print("end")
