# The engine answers common cases inline (int arithmetic, plain calls, method calls, global
# loads): each case here sits on the edge between that fast path and the general one.

# Floor division and modulo: positive divisors inline, others (and overflow) the general way.
for a in (7, -7, 0, -1, 9_223_372_036_854_775_807, -9_223_372_036_854_775_807):
    for b in (3, -3, 1, -1):
        print(a, b, a // b, a % b, divmod(a, b))
for a, b in ((7, 0), (-7, 0)):
    try:
        print(a // b)
    except ZeroDivisionError as e:
        print("//", type(e).__name__, e)
    try:
        print(a % b)
    except ZeroDivisionError as e:
        print("%", type(e).__name__, e)
x = 5
x //= 2
x %= 2
x ^= 6
x &= 3
x |= 8
print("aug", x)
print(True + True, True * 3, 7 // True, 3 - False, 2.5 // 1, -2.5 % 2)

# Global loads: the same name after it is rebound, deleted and put back.
a, b, c = 1, 2, 3


def read_c():
    return c


print(read_c())
del a
print(read_c())
c = 30
print(read_c())
del c
try:
    read_c()
except NameError as e:
    print("NameError", e)
c = 300
print(read_c())
len = lambda s: -1
print(len("abc"))
del len
print(len("abc"))


# Plain calls: exact arity inline; too few, too many and keywords the general way.
def pair(p, q):
    return (p, q)


print(pair(1, 2), pair(q=2, p=1), pair(*[3, 4]))
for args in ((1,), (1, 2, 3)):
    try:
        pair(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    pair(1)
except TypeError as e:
    print("TypeError", e)


def outer():
    n = 0

    def bump(k):
        nonlocal n
        n += k
        return n

    bump(2)
    return bump(3)


print("closure", outer())


# Method calls: a class's function, an instance attribute that shadows it, a method replaced on
# the class after the first call, static and class methods.
class Box:
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v

    @staticmethod
    def s(k):
        return k * 2

    @classmethod
    def c(cls, k):
        return cls.__name__, k


box = Box(4)
print(box.get(), box.s(5), box.c(6))
box.get = lambda: "shadowed"
print(box.get())
del box.get
print(box.get())
Box.get = lambda self: ("replaced", self.v)
print(box.get())
try:
    box.get(1)
except TypeError as e:
    print("TypeError", e)


# A statement call of a function at the top level, with and without calls of its own.
def leaf(items):
    items.append(len(items))


def branch(items):
    leaf(items)
    leaf(items)


items = []
leaf(items)
branch(items)
print(items)


def deep(n):
    return n if n == 0 else deep(n - 1)


print(deep(200))
try:
    deep(100_000)
except RecursionError as e:
    print("RecursionError", e)
