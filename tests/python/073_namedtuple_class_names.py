# collections.namedtuple's class is named as the call says and belongs to the caller's module:
# its repr, __name__, __qualname__ and __module__ (the module= argument too), type() of an
# instance, one made inside a function, a subclass of one, and an instance sent to to_thread.
import asyncio
from collections import namedtuple

Point = namedtuple("Point", "x y")
p = Point(1, 2)
print(Point, Point.__name__, Point.__qualname__, Point.__module__)
print(type(p), type(p).__name__, type(p) is Point, repr(p), isinstance(p, Point))


def make(name, fields):
    return namedtuple(name, fields)


Pair = make("Pair", ["left", "right"])
print(Pair, Pair.__qualname__, Pair.__module__, Pair("a", "b"), Pair._fields)

Moved = namedtuple("Moved", "a", module="geometry")
print(Moved, Moved.__module__, Moved(5))


class Vector(namedtuple("Vector", "x y")):
    def norm2(self):
        return self.x * self.x + self.y * self.y


v = Vector(3, 4)
print(Vector, Vector.__qualname__, Vector.__bases__, v, v.norm2())


def shift(point, dx):
    return point._replace(x=point.x + dx)


async def main():
    moved = await asyncio.to_thread(shift, Point(1, 2), 10)
    print(moved, type(moved) is Point, moved == Point(11, 2))


asyncio.run(main())
