# Attribute reads and writes remember where they last found a name (per class lookups, per
# site instance slots): every change that must be seen is seen.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


class Other:
    def __init__(self):
        self.y = "other-y"  # at another place than in Point
        self.x = "other-x"


def read_x(obj):
    return obj.x


def bump(obj):
    obj.x += 1
    return obj.x


p = Point(1, 2)
o = Other()
print([read_x(v) for v in (p, o, p, o)])
print(bump(p), bump(p))

# A property added to the class later wins over the instance's own attribute.
Point.x = property(lambda self: 100)
print(read_x(p), p.norm1.__name__)
try:
    bump(p)
except AttributeError as e:
    # (the message: CPython names a property only if it was set in the class body)
    print("AttributeError on a property without a setter")
del Point.x
print(read_x(p))

# A method replaced on the class, and on a base class, mid-loop.
class Base:
    def who(self):
        return "base"


class Child(Base):
    pass


c = Child()
seen = []
for i in range(6):
    seen.append(c.who())
    if i == 1:
        Base.who = lambda self: "patched base"
    if i == 3:
        Child.who = lambda self: "child's own"
print(seen)

# An instance attribute shadowing a method, then removed.
c.who = lambda: "instance function"
print(c.who())
del c.who
print(c.who())

# Deleting and re-adding attributes moves them in the instance's map.
q = Point(5, 6)
for i in range(3):
    print(read_x(q), q.y)
    del q.x
    q.z = i
    q.x = i * 10

# Names made at run time, and through getattr/setattr.
name = "".join(["x"])
setattr(q, name, "set by name")
print(read_x(q), getattr(q, "x"), q.__dict__)

# __setattr__ added to the class later is called from then on.
def logged_setattr(self, key, value):
    print("setting", key, "=", value)
    object.__setattr__(self, key, value)


r = Point(0, 0)
Point.__setattr__ = logged_setattr
bump(r)
print(read_x(r))

# Exceptions keep their special attributes.
e = ValueError("boom")
e.note = 1
e.args = ("changed",)
print(e, e.note)

# A class attribute read through instances, then set on one instance only.
class Config:
    retries = 3


a, b = Config(), Config()
print(a.retries, b.retries)
a.retries = 5
print(a.retries, b.retries, Config.retries)
Config.retries = 7
print(a.retries, b.retries)
