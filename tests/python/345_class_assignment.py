# Assigning an object's __class__: CPython's TypeErrors where it refuses (a non-class, a
# built-in type on either side, a different layout, deleting it). A user class for one of
# the same layout is left out: CPython makes that change, which the engine cannot.
import sys


class A:
    pass


class S:
    __slots__ = ('x',)


class U:
    __slots__ = ('y',)


class E(Exception):
    pass


cases = [(A(), int), (1, A), (A(), 5), (A(), None), (A(), S), (S(), A), (S(), U), (A(), E),
         (E(), A), (E(), ValueError), ([], A), ({}, A), (A(), object), (A(), type),
         (object(), A), (ValueError(), E), ('s', str), (sys, A), (b'x', A)]
for obj, cls in cases:
    try:
        obj.__class__ = cls
        print('changed', type(obj).__name__)
    except Exception as e:
        print(type(e).__name__, e)
a = A()
try:
    del a.__class__
except Exception as e:
    print(type(e).__name__, e)
print(type(a).__name__, a.__class__ is A, isinstance(a, A))
