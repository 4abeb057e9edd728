# typing's newer names import and behave as at runtime in CPython: TypedDict classes make
# dicts (total=False accepted), NewType is the identity, reveal_type/assert_never.
import typing
from typing import (Annotated, Deque, NewType, NotRequired, ParamSpec, Required, Self,
                    TypeAlias, TypedDict, assert_never, reveal_type)

UserId = NewType("UserId", int)
Vector: TypeAlias = list[float]
P = ParamSpec("P")
print(UserId(5), P, Deque[int], Annotated[int, "meta"])


class Movie(TypedDict):
    title: str
    year: int


class Draft(TypedDict, total=False):
    title: Required[str]
    notes: NotRequired[str]


m = Movie(title="Up", year=2009)
print(m, type(m).__name__, Movie.__total__, Draft.__total__)
print(typing.get_type_hints(Movie))
d: Draft = {"title": "x"}
print(d["title"])


class Node:
    def clone(self) -> Self:
        return self


print(type(Node().clone()).__name__, reveal_type(3))
try:
    assert_never(7)
except AssertionError as e:
    print("AssertionError:", e)
