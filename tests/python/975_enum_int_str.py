# IntEnum and StrEnum (3.11): members compare, hash, sort, format and compute as their
# values; str() is the value's; repr is the enum's. auto() on a StrEnum is the lowered
# name. Also the older `class C(str, Enum)` and `class C(int, Enum)` mixins.
from enum import Enum, IntEnum, StrEnum, auto


class Priority(IntEnum):
    LOW = 1
    MEDIUM = auto()
    HIGH = auto()


print(Priority.HIGH, repr(Priority.HIGH), str(Priority.LOW), f"{Priority.MEDIUM}", f"{Priority.HIGH:03d}")
print(Priority.LOW == 1, Priority.HIGH > Priority.LOW, Priority.MEDIUM >= 2, Priority.LOW < 2)
print(Priority.HIGH + 1, Priority.HIGH * 10, 10 - Priority.LOW, Priority.HIGH // 2, -Priority.LOW)
print(sorted([Priority.HIGH, Priority.LOW, Priority.MEDIUM]), max(Priority), min(Priority).name)
print(int(Priority.HIGH), float(Priority.LOW), ["a", "b", "c", "d"][Priority.HIGH], "%d/%s" % (Priority.MEDIUM, Priority.MEDIUM))
print(Priority(2), Priority["HIGH"], hash(Priority.LOW) == hash(1), {Priority.LOW: "x"}[Priority.LOW])
print({1: "one"}[Priority.LOW], Priority.HIGH.bit_length(), bool(Priority.LOW))
print(sum(Priority), list(range(Priority.HIGH)))
print({Priority.HIGH: "urgent"}.get(3), 2 in {Priority.MEDIUM: 0}, Priority.LOW in [1, 2], [Priority.LOW] == [1])


class Status(StrEnum):
    PENDING = auto()
    ACTIVE = auto()
    CLOSED = "closed!"


print(Status.PENDING, repr(Status.ACTIVE), f"{Status.CLOSED}|{Status.ACTIVE:>8}|", str(Status.PENDING))
print(Status.ACTIVE == "active", Status("pending"), Status.CLOSED.upper(), Status.PENDING + "_job")
print("job_" + Status.ACTIVE, len(Status.PENDING), Status.ACTIVE.startswith("act"), list(Status))
print(sorted(Status), Status.PENDING < Status.ACTIVE, {Status.ACTIVE: 1}[Status.ACTIVE])


class Mode(str, Enum):
    READ = "r"
    WRITE = "w"


class Level(int, Enum):
    DEBUG = 10
    INFO = 20


print(Mode.READ, repr(Mode.WRITE), f"{Mode.READ}", Mode.READ == "r", Mode("w"), Mode.READ.upper())
print(Level.INFO, repr(Level.DEBUG), Level.INFO == 20, Level.DEBUG < Level.INFO, Level.INFO + 5)

try:
    Priority(7)
except ValueError as e:
    print("ValueError:", e)
try:
    class Bad(StrEnum):
        X = 1
except TypeError as e:
    print("TypeError:", e)
