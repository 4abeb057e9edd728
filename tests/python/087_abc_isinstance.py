import asyncio
import collections
import typing
from abc import ABC, abstractmethod
from collections.abc import (AsyncGenerator, AsyncIterable, AsyncIterator, Awaitable, Callable,
                             Collection, Container, Coroutine, Generator, Hashable, ItemsView,
                             Iterable, Iterator, KeysView, Mapping, MutableMapping,
                             MutableSequence, MutableSet, Reversible, Sequence, Set, Sized,
                             ValuesView)

ABCS = [Iterable, Iterator, Reversible, Generator, Sized, Container, Collection, Hashable,
        Callable, Awaitable, Coroutine, AsyncIterable, AsyncIterator, AsyncGenerator, Mapping,
        MutableMapping, Sequence, MutableSequence, Set, MutableSet, KeysView, ItemsView,
        ValuesView]


def gen():
    yield 1


async def coro():
    return 1


async def agen():
    yield 1


class Plain:
    pass


class Eq:
    def __eq__(self, other):
        return True


class MyIter:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration


class Bag:
    def __len__(self):
        return 0

    def __contains__(self, x):
        return False

    def __iter__(self):
        return iter([])


class Caller:
    def __call__(self):
        return 1


class Aw:
    def __await__(self):
        yield


class AIt:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise StopAsyncIteration


class NoIter:
    __iter__ = None


def show(label, value):
    yes = [a.__name__ for a in ABCS if isinstance(value, a)]
    print(f"{label:14} {' '.join(yes)}")


async def main():
    c = coro()
    g = gen()
    ag = agen()
    task = asyncio.ensure_future(asyncio.sleep(0))
    for label, value in [("list", [1]), ("tuple", (1,)), ("str", "ab"), ("dict", {1: 2}),
                         ("set", {1}), ("frozenset", frozenset()), ("range", range(3)),
                         ("int", 3), ("float", 1.5), ("None", None), ("bool", True),
                         ("generator", g), ("coroutine", c), ("async gen", ag),
                         ("function", show), ("lambda", lambda: 0), ("builtin", len),
                         ("bound method", [].append), ("class", Plain),
                         ("list iter", iter([])), ("dict iter", iter({})),
                         ("keys", {}.keys()), ("values", {}.values()), ("items", {}.items()),
                         ("map", map(str, [])), ("zip", zip()), ("enumerate", enumerate([])),
                         ("reversed", reversed([])), ("task", task),
                         ("Plain()", Plain()), ("Eq()", Eq()), ("MyIter()", MyIter()),
                         ("Bag()", Bag()), ("Caller()", Caller()), ("Aw()", Aw()),
                         ("AIt()", AIt()), ("NoIter()", NoIter()),
                         ("deque", collections.deque()), ("OrderedDict", collections.OrderedDict()),
                         ("defaultdict", collections.defaultdict(int)),
                         ("Counter", collections.Counter())]:
        show(label, value)
    await task
    c.close()
    await ag.aclose()


asyncio.run(main())

for cls in (list, dict, str, int, Bag, MyIter, type(None), object):
    print(cls.__name__, [a.__name__ for a in ABCS if issubclass(cls, a)])


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...


class Square(Shape):
    def area(self):
        return 4


class Circle:
    def area(self):
        return 3


print(isinstance(Square(), Shape), isinstance(Circle(), Shape), issubclass(Circle, Shape))
print(Shape.register(Circle) is Circle)
print(isinstance(Circle(), Shape), issubclass(Circle, Shape), issubclass(Shape, Circle))
print(isinstance(Square(), Square), isinstance(3, Shape))


class Sub(Circle):
    pass


print(isinstance(Sub(), Shape))
try:
    Shape.register(3)
except TypeError as e:
    print("TypeError:", e)


class Seq(Sequence):
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10

    def __len__(self):
        return 3


s = Seq()
print(isinstance(s, Sequence), isinstance(s, Iterable), isinstance(s, Reversible), list(s))
MutableSequence.register(Plain)
print(isinstance(Plain(), Sequence), isinstance(Plain(), Iterable), issubclass(Plain, Sized))


class Sizer(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if hasattr(C, "size"):
            return True
        return NotImplemented


class HasSize:
    size = 3


print(isinstance(HasSize(), Sizer), isinstance(Plain(), Sizer))
print(Iterable.__subclasshook__(list), Iterable.__subclasshook__(int) is NotImplemented)
print(Iterable.__instancecheck__([]), Sized.__subclasscheck__(dict))

for alias in (typing.List, typing.Dict, typing.Iterable, typing.Deque, typing.Callable,
              typing.Sequence, typing.Mapping, typing.MutableMapping, typing.Type,
              typing.Awaitable, typing.Hashable, typing.AbstractSet):
    print(alias, alias.__origin__, isinstance([], alias), isinstance(collections.deque(), alias),
          isinstance({}, alias), isinstance(len, alias), isinstance(int, alias))
print(issubclass(list, typing.Iterable), typing.Iterable[int].__origin__, typing.get_origin(typing.Deque[int]))
for form in (typing.Any, typing.Optional, typing.Union):
    for check in (isinstance, issubclass):
        try:
            check(int, form)
        except TypeError as e:
            print("TypeError:", e)
try:
    isinstance([], typing.List[int])
except TypeError as e:
    print("TypeError:", e)
print(isinstance(3, (str, Iterable, Hashable)), isinstance(3, int | Iterable))

import functools


@functools.singledispatch
def describe(x):
    return "something"


@describe.register(Mapping)
def _(x):
    return f"a mapping of {len(x)}"


@describe.register(Sequence)
def _(x):
    return f"a sequence of {len(x)}"


@describe.register(list)
def _(x):
    return "a list"


@describe.register(Iterable)
def _(x):
    return "an iterable"


print(describe({1: 2}), describe((1, 2)), describe("abc"), describe([1]), describe({1}),
      describe(3), describe(Seq()), describe(x for x in ()), describe(collections.OrderedDict()))


@functools.singledispatch
def clash(x):
    return "base"


@clash.register(Sized)
def _(x):
    return "sized"


@clash.register(Container)
def _(x):
    return "container"


try:
    clash(Bag())
except RuntimeError as e:
    print("RuntimeError:", e)
