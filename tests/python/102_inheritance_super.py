# inheritance, method overriding, super() in __init__ and methods, multi-level, isinstance
class Animal:
    def __init__(self, name):
        self.name = name
        print(f"Animal.__init__({name})")

    def speak(self):
        return "..."

    def describe(self):
        return f"{self.name} says {self.speak()}"

class Cat(Animal):
    def __init__(self, name, indoor=True):
        super().__init__(name)
        self.indoor = indoor
        print("Cat.__init__ done")

    def speak(self):
        return "Meow"

class Kitten(Cat):
    def speak(self):
        return super().speak().lower() + "?"

    def describe(self):
        base = super().describe()
        return base + " (kitten)"

a = Animal("Generic")
c = Cat("Tom", indoor=False)
k = Kitten("Bit")
for x in (a, c, k):
    print(x.describe())
print(isinstance(k, Cat), isinstance(k, Animal), isinstance(c, Kitten))
print(issubclass(Kitten, Animal), issubclass(Animal, Cat), issubclass(Cat, object))
print(type(k).__name__, type(k) is Kitten, type(k) is Cat)
print(k.indoor, c.indoor)
class Base:
    def hello(self):
        return "Base.hello"
class Left(Base):
    def hello(self):
        return "Left>" + super().hello()
class Right(Base):
    def hello(self):
        return "Right>" + super().hello()
class Both(Left, Right):
    pass
print(Both().hello())
print(isinstance(Both(), Right), issubclass(Both, Left))
