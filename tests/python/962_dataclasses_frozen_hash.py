# frozen dataclasses and hashing: a frozen instance cannot change (FrozenInstanceError, an
# AttributeError), eq+frozen hashes by the fields (dict keys, sets), a plain dataclass is
# unhashable, eq=False keeps identity, unsafe_hash and field(hash=False), object.__setattr__
# in __post_init__; ends with an uncaught FrozenInstanceError
import dataclasses
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Point:
    x: int
    y: int = 0


p = Point(1, 2)
print(p, p == Point(1, 2), hash(p) == hash(Point(1, 2)), hash(p) == hash((1, 2)))
cache = {p: "cached"}
print(cache[Point(1, 2)], len({Point(0), Point(0), Point(1)}))
for action in ["assign", "new attribute"]:
    try:
        if action == "assign":
            p.x = 5
        else:
            p.z = 1
    except dataclasses.FrozenInstanceError as e:
        print(type(e).__name__, isinstance(e, AttributeError), e)
print(dataclasses.replace(p, y=7), p)


@dataclass(frozen=True)
class Config:
    name: str
    retries: int = 3
    slug: str = field(init=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "slug", self.name.lower().replace(" ", "-"))


c = Config("My Service")
print(c, c.slug, hash(c) == hash(Config("My Service")))


@dataclass
class Plain:
    x: int


try:
    hash(Plain(1))
except TypeError as e:
    print("TypeError:", e)


@dataclass(eq=False)
class Identity:
    x: int


i = Identity(1)
print(i == Identity(1), i == i, {i: 1}[i])


@dataclass(unsafe_hash=True)
class Tagged:
    key: str
    note: str = field(default="", hash=False)


print(hash(Tagged("k", "a")) == hash(Tagged("k", "b")), Tagged("k", "a") == Tagged("k", "b"))
print(len({Tagged("k"), Tagged("k"), Tagged("j")}))

try:
    @dataclass
    class Unfrozen(Point):
        z: int = 0
except TypeError as e:
    print("TypeError:", e)

c.retries = 5
