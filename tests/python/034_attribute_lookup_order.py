# An instance's own attributes come first unless the class (or a base) has a property or
# __setattr__ for them, also when those are added to a class after its instances exist: a
# cache of "this class has neither" would have to forget whenever any class changes.
class Base:
    kind = "base"


class Point(Base):
    def __init__(self, x):
        self.x = x

    def show(self):
        return f"Point({self.x})"


p = Point(1)
p.show_later = "own"
print(p.x, p.kind, p.show(), p.show_later)
p.show = "shadowed"
print(p.show)

# A property added to the base after p was made now takes over p.x (a data descriptor).
Base.x = property(lambda self: "from the property")
print(p.x)
del Base.x
print(p.x)
p.x = 6
print(p.x)


# __setattr__ added to the class later sees every write (this one keeps nothing).
def logged(self, name, value):
    print("set", name, value)


Point.__setattr__ = logged
p.y = 7
print(hasattr(p, "y"))
del Point.__setattr__
p.z = 8
print(p.z, sorted(vars(p)))


class Child(Point):
    pass


c = Child(3)
print(c.x)
Point.x = property(lambda self: "a property in the parent")
print(c.x, p.x)
del Point.x
print(c.x, p.x)


class Temperature:
    def __init__(self):
        self._c = 0

    @property
    def c(self):
        return self._c

    @c.setter
    def c(self, v):
        print("setter", v)
        self._c = v


t = Temperature()
t.c = 21
t.__dict__["c"] = "ignored: the property wins"
print(t.c)

from dataclasses import dataclass


@dataclass(frozen=True)
class Frozen:
    a: int


f = Frozen(1)
try:
    f.a = 2
except Exception as e:
    print(type(e).__name__, e)
print(f)
