# type() names and reprs for built-in values, functions, classes and instances
import asyncio
class Foo:
    pass
def f():
    pass
async def coro_fn():
    pass
values = [1, 1.0, "s", b"b", True, None, [1], (1,), {1: 2}, {1}, frozenset(), range(2), Foo(), f, Foo]
for v in values:
    print(type(v).__name__, type(v))
print(type(type(1)), type(Foo).__name__, Foo.__name__, f.__name__, coro_fn.__name__)
print(asyncio.iscoroutinefunction(coro_fn), asyncio.iscoroutinefunction(f))
c = coro_fn()
print(type(c).__name__)
c.close()
