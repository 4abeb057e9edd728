# What fuzzing the engine found, as CPython does it: a __hash__ that hashes itself, a json
# default that returns its argument again, results and errors through gathers nested deep
# (a traceback that repeats a line says how many times instead of listing them).
import asyncio
import json


class SelfHash:
    def __hash__(self):
        return hash((self,))


try:
    hash(SelfHash())
except RecursionError as e:
    print("hash:", type(e).__name__)


class StrHash:
    def __hash__(self):
        return "seven"


try:
    {StrHash(): 1}
except TypeError as e:
    print("hash:", e)


class Hash:
    def __init__(self, h):
        self.h = h

    def __hash__(self):
        return self.h


print(hash(Hash(2**61 + 5)), hash(Hash(-1)), hash(Hash(True)), hash(Hash(12)))


def default(o):
    return [o]


try:
    json.dumps({"a": Hash(1)}, default=default)
except ValueError as e:
    print("json:", e)
print(json.dumps([Hash(1)], default=lambda o: o.h))


async def nest(n):
    if n == 0:
        return "bottom"
    return await asyncio.gather(nest(n - 1))


print(asyncio.run(nest(30)))


async def fail(n):
    if n == 0:
        raise ValueError("deep")
    return await asyncio.gather(fail(n - 1))


asyncio.run(fail(20))
