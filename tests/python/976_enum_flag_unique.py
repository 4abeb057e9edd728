# enum.Flag and IntFlag (combining members with |, &, ~, `in`), @unique and its error,
# _missing_, a custom _generate_next_value_, members with __init__ (the planet example), and
# extending an enum that has members.
from enum import Enum, Flag, IntFlag, auto, unique


class Perm(Flag):
    READ = auto()
    WRITE = auto()
    EXEC = auto()


rw = Perm.READ | Perm.WRITE
print(rw, repr(rw), Perm.READ in rw, Perm.EXEC in rw, rw & Perm.WRITE, list(rw), len(rw))
print(~Perm.READ, repr(Perm(0)), bool(Perm(0)), bool(rw), list(Perm), Perm(3) is rw)
print(Perm, len(Perm), [p.value for p in Perm])


class Bits(IntFlag):
    A = 1
    B = 2
    C = 4


print(Bits.A | Bits.C, repr(Bits.A | Bits.B), Bits.A | 8, (Bits.A | Bits.B) == 3, Bits.C > 2)


@unique
class Fine(Enum):
    ONE = 1
    TWO = 2


print(list(Fine))

try:
    @unique
    class Dup(Enum):
        A = 1
        B = 2
        C = 1
        D = 2
except ValueError as e:
    print("ValueError:", e)


class Planet(Enum):
    MERCURY = (3.303e23, 2.4397e6)
    EARTH = (5.976e24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def surface_gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)


for p in Planet:
    print(p.name, p.value, p.mass, f"{p.surface_gravity:.2f}")
print(Planet((5.976e24, 6.37814e6)))


class Shade(Enum):
    LIGHT = "light"
    DARK = "dark"

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for m in cls:
                if m.value == value.lower():
                    return m
        return None


class Word(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.replace("_", " ").title()

    HELLO_THERE = auto()
    GOOD_BYE = auto()


print(Shade("DARK"), Word.HELLO_THERE.value, list(Word))

try:
    Shade(3)
except ValueError as e:
    print("ValueError:", e)
try:
    class More(Shade):
        DIM = "dim"
except TypeError as e:
    print("TypeError:", e)
try:
    Perm(8)
except ValueError as e:
    print("ValueError:", repr(e))
