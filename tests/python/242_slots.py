# __slots__: instances have no __dict__ and only the listed attributes (a subclass adds its own,
# one without __slots__ brings a __dict__ back, '__dict__' in the slots too), unset slots, a class
# variable conflicting with a slot, vars(), properties over slots
class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = Point(1, 2)
print(p.x, p.y, Point.__slots__)
try:
    p.z = 3
except AttributeError as e:
    print(e)
try:
    p.__dict__
except AttributeError as e:
    print(e)
class P3(Point):
    __slots__ = "z"
q = P3(1, 2); q.z = 5; print(q.z)
try:
    q.w = 1
except AttributeError as e:
    print(e)
class Loose(Point):
    pass
l = Loose(1, 2); l.w = 9; print(l.w, l.__dict__)
class E:
    __slots__ = ["a"]
e = E()
try:
    print(e.a)
except AttributeError as ex:
    print(ex)
try:
    class Bad:
        __slots__ = ("x",)
        x = 1
except ValueError as ex:
    print(ex)
class D:
    __slots__ = ("a", "__dict__")
d = D(); d.b = 1; print(d.b, d.__dict__)
try:
    vars(p)
except TypeError as ex:
    print(ex)
del p.x
try:
    p.x
except AttributeError as ex:
    print(ex)
class WithProp:
    __slots__ = ("_v",)
    @property
    def v(self): return self._v
    @v.setter
    def v(self, val): self._v = val
w = WithProp(); w.v = 4; print(w.v)
