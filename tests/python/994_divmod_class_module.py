# divmod() calls __divmod__/__rdivmod__ (NotImplemented falls through to the TypeError), and a
# class's __module__ (set in its body or later) is what its repr and a traceback show.
class Foo:
    pass

class Bar:
    __module__ = "shapes.geometry"

class Baz:
    class Inner:
        pass

print(repr(Foo), Foo, Bar, Baz.Inner, str(Bar))
print(Foo.__module__, Bar.__module__, Baz.Inner.__qualname__)
Foo.__module__ = "app.models"
print(Foo, Foo.__module__, [Foo])
print(f"{Bar!r}", "%s" % Bar)
def make():
    class Local:
        pass
    return Local
print(make())
class Err(Exception):
    __module__ = "app.errors"
try:
    raise Err("bad")
except Exception as e:
    print(repr(e), type(e))
class V:
    def __divmod__(self, other):
        return ("divmod", other)
    def __rdivmod__(self, other):
        return ("rdivmod", other)
print(divmod(V(), 3), divmod(7, V()))
class M:
    def __init__(self, n):
        self.n = n

    def __floordiv__(self, o):
        return M(self.n // o)

    def __mod__(self, o):
        return M(self.n % o)

    def __repr__(self):
        return f"M({self.n})"

try:
    print(divmod(M(7), 2))
except TypeError as e:
    print("TypeError:", e)
class N:
    def __divmod__(self, other):
        return NotImplemented
try:
    divmod(N(), 2)
except TypeError as e:
    print("TypeError:", e)
try:
    divmod("a", 2)
except TypeError as e:
    print("TypeError:", e)
print(divmod(7, 2), divmod(-7, 2), divmod(7.5, 2), divmod(True, 2))
print(int, type(3), type(None), ZeroDivisionError)
raise Err("unhandled")
