# Annotations are evaluated where CPython evaluates them: a function's into its
# __annotations__ when the def runs, a class body's and the module's into theirs; a local
# variable's annotation is not evaluated. typing.get_type_hints answers the real types.
import typing

print(__annotations__)
limit: int = 10
name: str
print(__annotations__)


def greet(who: str, times: int = 1, *rest: float, loud: bool = False, **extra: dict) -> str:
    missing: undefined_name = 1  # a local annotation is never evaluated
    return (who + "!") * times if loud else who * times


print(greet.__annotations__)
print(greet("a", 2))


def plain(x, y=2):
    return x + y


print(plain.__annotations__, (lambda q: q).__annotations__)


class Point:
    x: int
    y: int = 0
    label: "str" = "origin"
    tags: list[str]

    def move(self, dx: int) -> "Point":
        return self


print(Point.__annotations__)
print(Point.move.__annotations__)
print(typing.get_type_hints(Point.move))
print("x" in Point.__dict__, Point.y, Point.label)


class Movie(typing.TypedDict):
    title: str
    year: int


print(typing.get_type_hints(Movie))
print(typing.get_type_hints(greet))


class Child(Point):
    z: float = 1.5


print(Child.__annotations__)
print(typing.get_type_hints(Child))


class Bare(Child):
    pass


plain.__annotations__["x"] = int
print(Bare.__annotations__, Child().__annotations__, plain.__annotations__)
