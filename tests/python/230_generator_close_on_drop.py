# generators dropped unfinished are closed at once: GeneratorExit at the yield runs their
# finally blocks and with exits (break out of a for, del, rebinding, a function's locals,
# a temporary), yield from closes the inner generator first, throw() is delegated
from contextlib import contextmanager


def numbers(tag):
    try:
        for i in range(5):
            yield i
    finally:
        print(tag, "cleanup")


for n in numbers("loop"):
    print("got", n)
    if n == 1:
        break
print("after loop")

for n in numbers("exhausted"):
    pass
print("after exhausted loop")

g = numbers("rebound")
print(next(g))
g = None
print("after rebinding")

g = numbers("deleted")
next(g)
del g
print("after del")


def first(tag):
    gen = numbers(tag)
    return next(gen)


print(first("local"), "from a function")
print(next(numbers("temporary")), "from a temporary")


@contextmanager
def opened(name):
    print("open", name)
    try:
        yield name
    finally:
        print("close", name)


def lines():
    with opened("data.txt"):
        yield "line 1"
        yield "line 2"


for line in lines():
    print(line)
    break
print("after with-generator")


def inner():
    try:
        yield "inner 1"
        yield "inner 2"
    finally:
        print("inner finally")


def outer():
    try:
        yield from inner()
    finally:
        print("outer finally")


o = outer()
print(next(o))
o = None
print("after yield from")


def catcher():
    try:
        yield 1
    except ValueError as e:
        print("inner caught", e)
        yield "recovered"
    return "inner result"


def delegator():
    result = yield from catcher()
    print("delegate got", result)
    yield "last"


d = delegator()
print(next(d))
print(d.throw(ValueError("boom")))
print(next(d))
d.close()

items = [numbers("in a list") for _ in range(2)]
for it in items:
    next(it)
it = None
items.clear()
print("after clear")


def never_started():
    try:
        yield 1
    finally:
        print("never printed")


ns = never_started()
ns = None
print("done")
