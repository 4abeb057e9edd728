# IntEnum and StrEnum members are int and str instances: isinstance/issubclass, json.dumps
# (values and keys), arithmetic, formatting (an IntEnum formats as its int in 3.11), str
# methods, join and `in`, and the same for `class C(str, Enum)` and IntFlag.
import json
from enum import Enum, IntEnum, IntFlag, StrEnum


class Prio(IntEnum):
    LOW = 1
    HIGH = 3


class Color(StrEnum):
    RED = "red"
    BLUE = "blue"


class Shade(str, Enum):
    DARK = "dark"


class Perm(IntFlag):
    R = 4
    W = 2


print(isinstance(Prio.HIGH, int), isinstance(Color.RED, str), isinstance(Shade.DARK, str), isinstance(Perm.R, int))
print(isinstance(Prio.HIGH, float), isinstance(Color.RED, int), isinstance(Prio.HIGH, (str, int)))
print(issubclass(Prio, int), issubclass(Color, str), issubclass(Prio, str), issubclass(Prio, Enum))
print(json.dumps({"c": Prio.HIGH, "d": Color.RED, "s": Shade.DARK, "l": [Prio.LOW, Perm.W]}))
print(json.dumps(Prio.HIGH), json.dumps(Color.BLUE), json.dumps({Prio.LOW: 1, Color.RED: 2}))
print(json.dumps({"p": Prio.HIGH}, indent=2, sort_keys=True))
print(Prio.HIGH + 1, Prio.HIGH * 2, Prio.LOW < Prio.HIGH, sum([Prio.LOW, Prio.HIGH]))
print(f"{Prio.HIGH}", f"{Prio.HIGH:>4}", f"{Color.RED}", f"{Color.RED:>6}|", str(Prio.HIGH), repr(Prio.HIGH))
print(f"{Shade.DARK}", str(Shade.DARK), format(Shade.DARK), repr(Color.RED))
print(Color.RED.upper(), Color.RED + "!", len(Color.BLUE), "x".join([Color.RED, Color.BLUE]))
print(int(Prio.HIGH), str(Color.RED), [1, 2, 3, 4][Prio.HIGH], range(Prio.HIGH))
print(type(Prio.HIGH), type(Prio.HIGH + 1), Prio.HIGH == 3, Color.RED == "red", hash(Prio.HIGH) == hash(3))
print({Prio.HIGH: "a"}[3], {"red": 1}[Color.RED])
print(sorted([Prio.HIGH, 2, Prio.LOW]), max(Prio), Prio(3), Color("red"))
print("%d %s" % (Prio.HIGH, Color.RED), "{}".format(Prio.LOW))
print(Perm.R | Perm.W, int(Perm.R | Perm.W), f"{Perm.R}")
print(isinstance(Prio.HIGH, Prio), isinstance(Color.RED, Enum), Prio.HIGH.value, Prio.HIGH.name)
print(divmod(Prio.HIGH, 2), divmod(7, Prio.HIGH), Prio.HIGH // 2, -Prio.HIGH, abs(Prio.LOW), Prio.HIGH**2)
print(Color.RED.startswith("r"), Color.RED in "a red car", Color.RED.value)


def describe(x):
    if isinstance(x, int):
        return f"int {x + 0}"
    if isinstance(x, str):
        return f"str {x.upper()}"
    return "other"


print([describe(x) for x in [Prio.LOW, Color.BLUE, Shade.DARK, 5, "s", 1.5]])
