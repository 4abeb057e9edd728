# super().name of a base class's property runs its getter (CPython's property.__get__ on the
# instance), from a method, an overriding property and a @Base.name.getter; through a
# classmethod's super() it is the property object itself.
import asyncio


class Shape:
    @property
    def name(self):
        return "shape"

    @property
    def area(self):
        return 0

    @property
    def hidden(self):
        raise AttributeError("hidden on purpose")


class Square(Shape):
    def __init__(self, side):
        self.side = side

    @property
    def name(self):
        return "square/" + super().name

    @property
    def area(self):
        return self.side**2 + super().area

    def describe(self):
        return f"{super().name} -> {self.name}: {self.area}"

    @classmethod
    def base_name_prop(cls):
        return type(super().name).__name__


class Tagged(Square):
    @Square.name.getter
    def name(self):
        return "tagged:" + super().name

    def peek(self):
        try:
            return super().hidden
        except AttributeError as e:
            return f"AttributeError: {e}"


sq = Square(3)
print(sq.name, sq.area, sq.describe(), Square.base_name_prop())
t = Tagged(2)
print(t.name, t.area, t.describe(), t.peek())


async def main():
    await asyncio.sleep(0)
    print(Tagged(1).describe())


asyncio.run(main())
