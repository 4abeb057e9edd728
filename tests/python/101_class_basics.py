# classes: attributes, methods, __init__, __repr__, __str__, class vs instance attributes
class Dog:
    species = "Canis familiaris"
    count = 0

    def __init__(self, name, age):
        self.name = name
        self.age = age
        Dog.count += 1

    def speak(self, sound="Woof"):
        return f"{self.name} says {sound}"

    def __repr__(self):
        return f"Dog({self.name!r}, {self.age})"

    def __str__(self):
        return f"{self.name}, {self.age} years old"

rex = Dog("Rex", 3)
fido = Dog("Fido", 5)
print(rex.speak(), fido.speak("Arf"))
print(rex)
print(repr(rex), [rex, fido])
print(f"{fido} / {fido!r}")
print(str(rex), Dog.count, rex.count, rex.species)
rex.species = "overridden on instance"
print(rex.species, fido.species, Dog.species)
fido.age += 1
print(fido.age, type(fido).__name__, isinstance(fido, Dog))
method = rex.speak
print(method("Grr"), Dog.speak(fido))
class Point:
    def __init__(self, x=0, y=0):
        self.x, self.y = x, y
p = Point(1, 2)
p.z = 3
print(p.x, p.y, p.z, hasattr(p, "w"))
