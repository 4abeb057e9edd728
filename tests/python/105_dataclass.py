# @dataclass: generated __init__, __repr__, __eq__; defaults; methods; order of fields
from dataclasses import dataclass

@dataclass
class Point:
    x: int
    y: int = 0

    def dist2(self):
        return self.x ** 2 + self.y ** 2

@dataclass
class Item:
    name: str
    price: float
    qty: int = 1

    def total(self):
        return self.price * self.qty

p = Point(3, 4)
print(p, p.dist2())
print(Point(1), Point(y=5, x=2))
print(p == Point(3, 4), p == Point(4, 3), p is Point(3, 4))
p.x = 10
print(p)
items = [Item("pen", 1.5, 4), Item("book", 12.0), Item("bag", 20.25, 2)]
for it in items:
    print(f"{it.name:<6}{it.total():>8.2f}")
print(sorted(items, key=lambda i: i.total())[0])
print(repr(Item("it's", 0.1)))
