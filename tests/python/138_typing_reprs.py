# typing's forms and aliases read as CPython's (typing.Optional[int], typing.List[int],
# typing.Union[int, str], Callable, Literal, TypeVar), union flattening and equality,
# get_origin/get_args, get_type_hints' names along the MRO, overload.
import typing
from typing import (Any, Callable, Dict, List, Optional, Tuple, Union, Awaitable, Literal,
                    get_args, get_origin, get_type_hints, overload, TypeVar)

print(Optional[int], List[int], Union[int, str])
print(Dict[str, List[int]], Tuple[int, ...], Tuple[()], Any, List)
print(Union[int, None], Optional[Union[int, str]], Union[int, Union[str, float]], Union[int, int])
print(Callable[[int, str], bool], Callable[..., Awaitable[None]], Literal["a", 1])
print(Optional[int] == Union[None, int], Optional[int] == Optional[str], List[int] == List[int])
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(Optional[int]) is Union)
print(get_args(Optional[int]), get_origin(int), get_args(int))
T = TypeVar("T")
print(T, List[T])
Vector = List[float]
print(Vector)

class Point:
    x: int
    y: int = 0

class Point3(Point):
    z: int = 0

print(list(get_type_hints(Point3)))

@overload
def double(x: int) -> int: ...
@overload
def double(x: str) -> str: ...
def double(x):
    return x * 2
print(double(2), double("ab"))

@overload
def only(x: int) -> int: ...
try:
    only(1)
except NotImplementedError as e:
    print("NotImplementedError:", str(e)[:40])
print(typing.TYPE_CHECKING, typing.cast(int, "3"))
