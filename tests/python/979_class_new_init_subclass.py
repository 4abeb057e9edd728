# __new__ (a singleton, a cache of instances, a __new__ returning another type so __init__
# is skipped), object.__new__ and super().__new__, __init_subclass__ with class keywords (a
# plugin registry), and the errors for keywords nobody takes.
class Config:
    _instance = None

    def __new__(cls):
        if cls._instance is None:
            print("creating the one Config")
            cls._instance = super().__new__(cls)
        return cls._instance

    def __init__(self):
        self.loaded = True


a, b = Config(), Config()
print(a is b, a.loaded)


class Point:
    _cache = {}

    def __new__(cls, x, y):
        key = (x, y)
        if key not in cls._cache:
            cls._cache[key] = object.__new__(cls)
        return cls._cache[key]

    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


print(Point(1, 2) is Point(1, 2), Point(1, 2) is Point(2, 1), Point(3, 4), len(Point._cache))


class Weird:
    def __new__(cls, n):
        return n * 2

    def __init__(self, n):
        print("never runs")


print(Weird(21), type(Weird(1)).__name__)


class Plugin:
    registry = {}

    def __init_subclass__(cls, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        Plugin.registry[name or cls.__name__.lower()] = cls


class Csv(Plugin, name="csv"):
    pass


class Json(Plugin):
    pass


class Yaml(Json, name="yml"):
    pass


print(sorted(Plugin.registry), Plugin.registry["yml"].__name__)

try:
    class Bad(Plugin, color="red"):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Plain(flag=True):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    object.__new__(Point, 1, 2)
except TypeError as e:
    print("TypeError:", e)
