# contextlib: @contextmanager (setup/teardown, exceptions thrown in at the yield, handled or
# not, the generator that does not yield or yields twice, as a decorator), suppress,
# nullcontext, closing
from contextlib import closing, contextmanager, nullcontext, suppress


@contextmanager
def tag(name):
    print(f"<{name}>")
    yield name.upper()
    print(f"</{name}>")


with tag("p") as t:
    print("  body", t)
with tag("a"), tag("b"):
    print("  nested")


@contextmanager
def resource(name):
    print("acquire", name)
    try:
        yield name
    except KeyError as e:
        print("  handled in the generator:", repr(e))
    finally:
        print("release", name)


with resource("r1"):
    raise KeyError("k")
print("after r1: the KeyError was handled, so the with suppressed it")
try:
    with resource("r2"):
        raise ValueError("not a KeyError")
except ValueError as e:
    print("caught outside:", repr(e))
try:
    with resource("r3"):
        raise StopIteration("in the body")
except StopIteration as e:
    print("StopIteration from the body propagates:", e)


@contextmanager
def converting():
    try:
        yield
    except ZeroDivisionError as e:
        raise ArithmeticError("converted") from e


try:
    with converting():
        1 / 0
except ArithmeticError as e:
    print(repr(e), "cause:", repr(e.__cause__))


@contextmanager
def no_yield():
    if False:
        yield


@contextmanager
def two_yields():
    yield 1
    yield 2


@contextmanager
def keeps_going():
    try:
        yield
    except ValueError:
        yield "again"


for cm in [no_yield, two_yields]:
    try:
        with cm():
            print("  body of", cm.__wrapped__.__name__)
    except RuntimeError as e:
        print("RuntimeError:", e)
try:
    with keeps_going():
        raise ValueError("x")
except RuntimeError as e:
    print("RuntimeError:", e)
cm = tag("once")
with cm:
    pass
try:
    with cm:
        pass
except AttributeError:
    print("a @contextmanager object cannot be entered twice")


@tag("decorated")
def decorated(x):
    print("  inside the call", x)
    return x * 2


print(decorated(21), decorated(1))

with suppress(KeyError, IndexError):
    [][1]
print("suppressed IndexError")
with suppress(LookupError):
    {}["missing"]
print("suppressed KeyError via LookupError")
try:
    with suppress(KeyError):
        int("x")
except ValueError as e:
    print("not suppressed:", e)
with nullcontext(42) as value:
    print("nullcontext gives", value)
with nullcontext() as value:
    print("nullcontext() gives", value)


class Conn:
    def __init__(self):
        self.open = True

    def close(self):
        self.open = False
        print("Conn.close()")


with closing(Conn()) as conn:
    print("conn open:", conn.open)
print("conn open after:", conn.open)
