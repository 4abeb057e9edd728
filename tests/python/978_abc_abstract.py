# abc: ABC and @abstractmethod, also under @property, @staticmethod and @classmethod;
# instantiating a class with abstract methods left raises CPython's TypeError (one method,
# several methods sorted); a subclass implementing them all works; `metaclass=ABCMeta`;
# super() calls into an abstract method's default body.
from abc import ABC, ABCMeta, abstractmethod


class Shape(ABC):
    def __init__(self, name):
        self.name = name

    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...

    def describe(self):
        return f"{self.name}: area={self.area():.2f} perimeter={self.perimeter():.2f}"


class Square(Shape):
    def __init__(self, side):
        super().__init__("square")
        self.side = side

    def area(self):
        return self.side ** 2

    def perimeter(self):
        return 4 * self.side


class HalfDone(Shape):
    def area(self):
        return 0


print(Square(3).describe(), isinstance(Square(1), Shape), isinstance(Square(1), ABC))
print(sorted(Shape.__abstractmethods__), sorted(HalfDone.__abstractmethods__), Square.__abstractmethods__)
for cls in (Shape, HalfDone):
    try:
        cls("x")
    except TypeError as e:
        print("TypeError:", e)


class Repository(metaclass=ABCMeta):
    @property
    @abstractmethod
    def table(self):
        ...

    @staticmethod
    @abstractmethod
    def version():
        ...

    @classmethod
    @abstractmethod
    def create(cls):
        ...

    @abstractmethod
    def save(self, item):
        print("base save", item)


class Users(Repository):
    @property
    def table(self):
        return "users"

    @staticmethod
    def version():
        return 2

    @classmethod
    def create(cls):
        return cls()

    def save(self, item):
        super().save(item)
        print("saved", item, "in", self.table)


try:
    Repository()
except TypeError as e:
    print("TypeError:", e)
u = Users.create()
u.save("ann")
print(u.table, Users.version(), isinstance(u, Repository), Users.__abstractmethods__)


class Plugin(ABC):
    pass


print(type(Plugin()).__name__, Plugin.__abstractmethods__)


class AppError(Exception, ABC):
    @abstractmethod
    def code(self):
        ...


class NotFound(AppError):
    def code(self):
        return 404


try:
    raise NotFound("no such user")
except AppError as e:
    print(repr(e), e, e.code())
try:
    AppError("abstract")
except TypeError as e:
    print("TypeError:", e)
HalfDone("uncaught")
