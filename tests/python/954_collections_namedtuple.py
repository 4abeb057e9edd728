# collections.namedtuple: construction, fields, indexing, unpacking, ==, hashing, _asdict,
# _replace, _make, defaults, a subclass with methods, and the errors of a wrong call
from collections import namedtuple

Point = namedtuple("Point", ["x", "y"])
p = Point(1, 2)
q = Point(y=4, x=3)
print(p, q, p.x, p.y, p[0], p[-1], p[:1], len(p), list(p), tuple(q))
x, y = q
print(x, y, *p, 2 in p, p.index(2), p.count(1))
print(p == Point(1, 2), p == (1, 2), (1, 2) == p, p != q, p < q, max(p, q), sorted([q, p]))
print(hash(p) == hash((1, 2)), {p: "a", Point(1, 2): "b"}, {p, Point(1, 2)} == {p})
print(p._asdict(), p._replace(y=20), p, Point._make([5, 6]), Point._fields, p._fields)
print(p + (3,), p * 2, dict(zip(p._fields, p)), repr(p), str(p), f"{p}")

Card = namedtuple("Card", "rank suit")
Color = namedtuple("Color", "red, green, blue", defaults=[0, 255])
print(Card("Q", "hearts"), Color(1), Color(1, 2), Color(red=9, blue=1), Color._field_defaults)
Row = namedtuple("Row", "id name def _x id", rename=True)
print(Row._fields, Row(1, 2, 3, 4, 5))


class Vector(namedtuple("Vector", "x y")):
    def norm2(self):
        return self.x * self.x + self.y * self.y

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)


v = Vector(3, 4)
print(v, v.norm2(), v + Vector(1, 1), v._replace(x=0), type(v).__name__)
v.label = "extra attribute on a subclass instance"
print(v.label)

for action in [lambda: Point(1), lambda: Point(), lambda: Point(1, 2, 3),
               lambda: Point(1, z=2), lambda: Point(1, x=2), lambda: p._replace(z=1),
               lambda: Point._make([1]), lambda: p[2],
               lambda: namedtuple("A", "a a"), lambda: namedtuple("A", "a _b"),
               lambda: namedtuple("A", "a def"), lambda: namedtuple("A", "a 1b"),
               lambda: namedtuple("A", ["a", 3]), lambda: namedtuple("A", "a", defaults=[1, 2])]:
    try:
        action()
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__ + ":", e)
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.z = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    del p[0]
except TypeError as e:
    print("TypeError:", e)
