"""The module's docstring."""
# __doc__ of modules, functions, async functions, generators, classes and methods is the
# docstring (raw, not dedented); None without one, not inherited by subclasses;
# functools.wraps copies it; a string that is not first is not a docstring
import asyncio
import functools


def plain():
    """Say hello."""
    return "hello"


async def fetch():
    """Fetch something.

    Longer text.
    """
    return 1


def numbers():
    "Yield numbers."
    yield 1


def nodoc():
    x = 1
    "not a docstring"
    return x


class Base:
    """A base class."""

    def method(self):
        """A method."""


class Child(Base):
    pass


def logged(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        """The wrapper's own."""
        return func(*args, **kwargs)

    return wrapper


@logged
def work():
    """Do the work."""
    return 42


print(__doc__)
print(plain.__doc__, repr(fetch.__doc__), numbers.__doc__)
print(nodoc.__doc__, (lambda: "x").__doc__)
print(Base.__doc__, Child.__doc__, Base().__doc__, Child().__doc__)
print(Base.method.__doc__, Base().method.__doc__)
print(work.__name__, work.__doc__, work())
plain.__doc__ = "Changed."
print(plain.__doc__)
print(asyncio.run(fetch()))
