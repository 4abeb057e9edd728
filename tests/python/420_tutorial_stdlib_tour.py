# Tutorial tour of the standard library around asyncio code: StrEnum/IntEnum/Flag, slots and
# kw_only dataclasses, NamedTuple/TypedDict, singledispatch, aclosing/nullcontext, seeded random
# distributions, statistics, json, textwrap, heapq, hashlib, string and math (dist, hyperbolics, fmod)
import asyncio
import enum
import json
import random
import statistics
import string
import textwrap
import heapq
import hashlib
import math
from contextlib import aclosing, nullcontext, closing
from dataclasses import dataclass, field, replace, astuple, fields, KW_ONLY
from functools import singledispatch, partialmethod, wraps, reduce
from typing import NamedTuple, TypedDict, Literal, Final, ClassVar

class Color(enum.StrEnum):
    RED = enum.auto()
    GREEN = "green"

class Level(enum.IntEnum):
    LOW = 1
    HIGH = 2

class Perm(enum.Flag):
    R = 4
    W = 2
    X = 1

@dataclass(slots=True, kw_only=True)
class Config:
    host: str
    port: int = 8080
    tags: list = field(default_factory=list)

@dataclass
class Point:
    x: float
    _: KW_ONLY
    label: str = ""
    dims: ClassVar[int] = 2

class Reading(NamedTuple):
    sensor: str
    value: float = 0.0

class Movie(TypedDict):
    title: str
    year: int

MAX: Final = 3
Mode = Literal["r", "w"]

@singledispatch
def describe(x):
    return f"object {x!r}"

@describe.register
def _(x: int):
    return f"int {x}"

@describe.register(list)
def _(x):
    return f"list of {len(x)}"

async def numbers():
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(0)
    finally:
        print("numbers closed")

async def main():
    random.seed(99)
    print(Color.RED, Color("green"), Level.HIGH > Level.LOW, Level.HIGH + 1, Perm.R | Perm.W, Perm(6), list(Perm))
    print(Config(host="h"), Point(1.0, label="p"), Point.dims, replace(Point(2, label="a"), x=5), astuple(Point(1, label="z")))
    print([f.name for f in fields(Config)], Reading("t1"), Reading("t2", 3.5)._fields, Movie(title="x", year=1))
    print(describe(3), describe([1, 2]), describe("s"))
    async with aclosing(numbers()) as gen:
        async for n in gen:
            if n == 2:
                break
    async with nullcontext(5) as v:
        print("nullcontext", v)
    data = [random.gauss(10, 2) for _ in range(5)]
    print(f"{statistics.mean(data):.3f} {statistics.median(data):.3f} {statistics.stdev(data):.3f}")
    print(random.sample(range(100), 5), random.choices("abc", weights=[5, 1, 1], k=6), f"{random.expovariate(2):.4f}")
    deck = list(range(8)); random.shuffle(deck); print(deck, random.randrange(0, 100, 5), f"{random.triangular(0, 1):.4f}")
    print(json.dumps({"b": [1, 2.5, None, True], "a": "é"}, indent=2, sort_keys=True))
    print(json.dumps({"a": "é"}, ensure_ascii=False), json.loads('{"x": [1, {"y": null}]}'))
    print(textwrap.shorten("The quick brown fox jumps over the lazy dog", width=20), textwrap.fill("a b c d e f g", width=5))
    print(heapq.nlargest(2, [5, 1, 9, 3]), heapq.nsmallest(2, [(2, "b"), (1, "a"), (3, "c")]))
    print(hashlib.sha256(b"asyncio").hexdigest()[:16])
    print(string.ascii_lowercase[:5], string.digits, string.punctuation[:5], math.fsum([0.1] * 10), math.isclose(0.1 + 0.2, 0.3))
    print(math.inf, -math.inf, math.nan, math.comb(5, 2), math.perm(5, 2), math.prod([1, 2, 3]), math.dist((0, 0), (3, 4)))
    print(math.dist([1, 2, 3], [4, 6, 8]), f"{math.sinh(1):.6f} {math.tanh(0.5):.6f} {math.atanh(0.5):.6f}", math.fmod(-7, 3), math.log1p(0), math.expm1(0))

asyncio.run(main())
