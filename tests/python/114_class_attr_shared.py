# mutable class attributes are shared between instances; instance attributes are not
class Bag:
    shared = []
    label = "bag"

    def __init__(self):
        self.own = []

    def add(self, x):
        self.shared.append(x)
        self.own.append(x)

a, b = Bag(), Bag()
a.add(1)
b.add(2)
print(a.shared, b.shared, Bag.shared)
print(a.own, b.own)
a.label = "a's label"
print(a.label, b.label, Bag.label)
Bag.label = "changed on class"
print(a.label, b.label)
a.shared = ["rebound"]
print(a.shared, b.shared)
class Counter:
    total = 0
    def __init__(self):
        Counter.total += 1
        self.number = Counter.total
cs = [Counter() for _ in range(3)]
print([c.number for c in cs], Counter.total)
