# match statements (PEP 634): literal, capture, wildcard, value (dotted), sequence (with star),
# mapping (with **rest), class patterns (positional through __match_args__, keywords,
# built-in types matching themselves), or-patterns, guards, as; bindings after a match
from dataclasses import dataclass
from enum import Enum


class Color(Enum):
    RED = 1
    GREEN = 2


@dataclass
class Point:
    x: int
    y: int


class Circle:
    __match_args__ = ("center", "radius")

    def __init__(self, center, radius):
        self.center = center
        self.radius = radius


def describe(value):
    match value:
        case None:
            return "nothing"
        case True | False as flag:
            return f"flag {flag}"
        case 0:
            return "zero"
        case -1 | 1:
            return "unit"
        case "quit" | "exit":
            return "leave"
        case Color.RED:
            return "red"
        case Color():
            return f"another color {value.name}"
        case int(n) if n > 100:
            return f"big int {n}"
        case int() | float() as num:
            return f"number {num}"
        case str(s):
            return f"text {s!r}"
        case []:
            return "empty list"
        case [x]:
            return f"one item {x}"
        case [first, *rest] if len(rest) >= 3:
            return f"long: {first} then {len(rest)} more"
        case (first, second):
            return f"pair {first}, {second}"
        case [first, *_, last]:
            return f"from {first} to {last}"
        case {"action": "move", "to": (x, y)}:
            return f"move to {x},{y}"
        case {"action": action, **others}:
            return f"action {action} with {sorted(others)}"
        case {}:
            return "some other mapping"
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return f"on the y axis at {y}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point(x=px):
            return f"point with x={px}"
        case Circle(Point(x=0, y=0), r):
            return f"circle at the origin, radius {r}"
        case Circle(radius=r):
            return f"circle of radius {r}"
        case _:
            return f"something else: {type(value).__name__}"


samples = [
    None, True, 0, 1, -1, "exit", Color.RED, Color.GREEN, 250, 7, 2.5, "hi",
    [], [9], [1, 2, 3, 4, 5], (1, 2), [1, 2, 3], {"action": "move", "to": (3, 4)},
    {"action": "jump", "height": 2, "speed": 1}, {"x": 1}, Point(0, 0), Point(0, 5),
    Point(3, 3), Point(4, 1), Circle(Point(0, 0), 2), Circle(Point(1, 1), 3), {1, 2}, range(2),
]
for s in samples:
    print(describe(s))

match [1, [2, 3], {"k": "v"}]:
    case [a, [b, c], {"k": d}]:
        print("nested", a, b, c, d)

command = "go north"
match command.split():
    case ["go", direction]:
        print("going", direction)
    case _:
        print("?")

match (1, 2):
    case [x, 3]:
        print("no")
    case _:
        pass
try:
    print(x)
except NameError as e:
    print("NameError:", e)

match {"a": 1, "b": 2}:
    case {"a": 1, **rest}:
        print("rest", rest)

match "abc":
    case [*chars]:
        print("a str is a sequence here?", chars)
    case str() as s:
        print("a str is not a sequence:", s)
