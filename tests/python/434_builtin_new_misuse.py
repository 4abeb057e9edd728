# T.__new__(cls) of a built-in T checks cls as CPython's tp_new_wrapper does: a class, a
# subclass of T, and one T's own __new__ makes ("is not safe" otherwise); valid calls make the
# object, including from a class's own __new__
import asyncio


class Point:
    def __new__(cls, *args):
        made = object.__new__(cls)
        made.args = args
        return made


class AppError(Exception):
    pass


class Coded(Exception):
    def __new__(cls, code):
        made = Exception.__new__(cls, code)
        made.code = code
        return made


cases = [
    ("int.__new__(str, 5)", lambda: int.__new__(str, 5)),
    ("int.__new__(5)", lambda: int.__new__(5)),
    ("int.__new__()", lambda: int.__new__()),
    ("str.__new__(int)", lambda: str.__new__(int)),
    ("object.__new__(int)", lambda: object.__new__(int)),
    ("object.__new__(5)", lambda: object.__new__(5)),
    ("object.__new__(AppError)", lambda: object.__new__(AppError)),
    ("list.__new__(dict)", lambda: list.__new__(dict)),
    ("int.__new__(bool, 1)", lambda: int.__new__(bool, 1)),
    ("float.__new__(int, 1)", lambda: float.__new__(int, 1)),
    ("tuple.__new__(list)", lambda: tuple.__new__(list)),
    ("Exception.__new__(int)", lambda: Exception.__new__(int)),
    ("ValueError.__new__(KeyError)", lambda: ValueError.__new__(KeyError)),
    ("dict.__new__(3)", lambda: dict.__new__(3)),
    ("int.__new__(int, 7)", lambda: int.__new__(int, 7)),
    ("str.__new__(str, 'x')", lambda: str.__new__(str, "x")),
    ("tuple.__new__(tuple, [1, 2])", lambda: tuple.__new__(tuple, [1, 2])),
    ("Exception.__new__(AppError, 'a')", lambda: Exception.__new__(AppError, "a")),
    ("BaseException.__new__(AppError)", lambda: BaseException.__new__(AppError)),
]


async def main():
    for text, make in cases:
        await asyncio.sleep(0)
        try:
            print(text, "->", repr(make()))
        except TypeError as e:
            print(text, "-> TypeError:", e)
    p = Point(1, 2)
    print(type(p).__name__, p.args)
    e = Coded(404)
    print(repr(e), e.code, e.args)


asyncio.run(main())
