# A coroutine made by the program's top level and dropped there warns at the line that drops
# it, as CPython does: the classic `main()` without asyncio.run, a name deleted, one kept by an
# exception until its except clause ends.
import asyncio


async def main():
    print("never printed")


async def fetch(n):
    return n


main()
print("after main()")
c = fetch(1)
del c
print("after del")
try:
    raise RuntimeError("boom")
except RuntimeError as e:
    e.pending = fetch(2)
    print("handled")
print("end")
