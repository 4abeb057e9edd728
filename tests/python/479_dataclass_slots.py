# @dataclass(slots=True): instances without a __dict__, the class's __slots__, an attribute
# outside them refused, defaults, methods, frozen and kw_only with slots.
from dataclasses import dataclass, field, fields, asdict


@dataclass(slots=True, kw_only=True)
class Cfg:
    host: str = "localhost"
    port: int = 8080


@dataclass(slots=True)
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)

    def norm1(self):
        return abs(self.x) + abs(self.y)


@dataclass(slots=True, frozen=True)
class Frozen:
    a: int


c = Cfg()
print(hasattr(c, "__dict__"), Cfg.__slots__, c, Cfg(port=1))
p = Point(3, -4)
p.tags.append("t")
print(p, p.norm1(), Point.__slots__, [f.name for f in fields(p)], asdict(p))
p.x = 10
print(p.x, p == Point(10, -4, ["t"]))
try:
    p.z = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    Frozen(1).a = 2
except Exception as e:
    print(type(e).__name__ + ":", e)
print(Frozen(5), hash(Frozen(5)) == hash(Frozen(5)), Point.__name__, Point.__qualname__)
try:
    @dataclass(slots=True)
    class Twice:
        __slots__ = ("a",)
        a: int
except TypeError as e:
    print("TypeError:", e)
