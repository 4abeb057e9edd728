# Subscripted classes are generic aliases that read as CPython's: list[int],
# dict[str, int], tuple[int, ...], asyncio.Queue[int], a user's Generic class; they have
# __origin__ and __args__, calling one makes an instance, and a class may derive from a Generic one.
import asyncio
from typing import Generic, TypeVar

T = TypeVar("T")

print(list[int], dict[str, int], tuple[int, ...], tuple[()], type[int])
print(list[dict[str, list[int]]], set[float] == set[float], list[int] == list[str])
print(repr(asyncio.Queue[int]), asyncio.Future[str])
alias = dict[str, int]
print(alias.__origin__, alias.__args__, list[int].__args__)
print(list[int]("ab"), dict[str, int](a=1))
print(list[int] | None, None | dict[str, int], int | list[str] | None, (list[int] | None).__args__)


def find(key: str, table: dict[str, int] | None = None) -> int | None:
    return (table or {}).get(key)


print(find.__annotations__, find("a", {"a": 1}))


class Box(Generic[T]):
    def __init__(self, item):
        self.item = item

    def get(self):
        return self.item


IntBox = Box[int]
print(IntBox, repr(IntBox), IntBox.__origin__ is Box, IntBox.__args__)
b = IntBox(5)
print(type(b).__name__, b.get(), isinstance(b, Box))


async def main():
    q: asyncio.Queue[int] = asyncio.Queue()
    await q.put(7)
    print(await q.get())


asyncio.run(main())
