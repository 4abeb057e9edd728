# Tutorial: functools.singledispatch registered the modern way (plain @register on an annotated
# function, unions of classes), typing's get_origin/get_args on X | Y, types.UnionType, and
# AsyncContextManager/Text in annotations
import asyncio
import types
import typing
from contextlib import asynccontextmanager
from functools import singledispatch
from typing import AsyncContextManager, Optional, Text, Union

@singledispatch
def render(value) -> str:
    return f"<{type(value).__name__}>"

@render.register
def _(value: int) -> str:
    return f"int {value:+d}"

@render.register
def _(value: float | None) -> str:
    return f"number {value}"

@render.register
def _(value: Union[list, tuple]) -> str:
    return "[" + ", ".join(render(v) for v in value) + "]"

@render.register(dict)
def _(value):
    return "{" + ", ".join(f"{k}: {render(v)}" for k, v in value.items()) + "}"

@asynccontextmanager
async def session(name: Text) -> typing.AsyncIterator[str]:
    print(f"open {name}")
    yield name.upper()
    print(f"close {name}")

def opener(name: Text) -> AsyncContextManager[str]:
    return session(name)

async def main():
    async with opener("db") as handle:
        print(render([1, 2.5, (3, "x"), {"k": -4}, None]), handle)
    print(sorted(k.__name__ for k in render.registry))
    u = int | str
    print(typing.get_origin(u) is types.UnionType, typing.get_args(u), isinstance(u, types.UnionType))
    print(typing.get_origin(Optional[int]) is Union, typing.get_args(Optional[int]), typing.get_args(int))
    print(typing.get_origin(list[int] | None) is types.UnionType, typing.get_args(list[int] | None))
    print(Text is str, opener.__annotations__)
    for bad in ["not a class", list[int]]:
        try:
            render.register(bad, lambda v: v)
        except TypeError as e:
            print("TypeError:", e)
    try:
        @render.register
        def _(value: list[int] | None):
            return "never"
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
