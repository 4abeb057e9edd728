# `import concurrent.futures` binds the package `concurrent`; a missing submodule is named in
# full, a missing package alone; `__file__` names the program; anext() with a default.
import asyncio
import concurrent.futures

print(concurrent.futures.ThreadPoolExecutor.__name__)
import concurrent

print(concurrent.futures is concurrent.futures, __file__.endswith("main.py"))
try:
    import nope.thing
except ModuleNotFoundError as e:
    print("ModuleNotFoundError", e)
try:
    import asyncio.nope
except ModuleNotFoundError as e:
    print("ModuleNotFoundError", e)


async def agen():
    yield 1


async def main():
    g = agen()
    print(await anext(g, "default"))
    print(await anext(g, "default"))
    try:
        await anext(g)
    except StopAsyncIteration:
        print("StopAsyncIteration without a default")
    try:
        anext([1], 2)
    except TypeError as e:
        print("TypeError", e)


asyncio.run(main())
