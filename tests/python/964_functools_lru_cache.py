# functools.lru_cache and cache: cache_info() (CacheInfo named tuple), cache_clear(),
# cache_parameters(), maxsize eviction of the least recently used, maxsize=0 and None,
# typed=True, keyword arguments as separate keys, unhashable arguments, __wrapped__; partial
import functools


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(60), fib.cache_info())
info = fib.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize, info[0], len(info), tuple(info))
hits, misses, maxsize, currsize = info
print(hits + misses, fib.cache_parameters(), fib.__name__, fib.__wrapped__(10))
fib.cache_clear()
print(fib.cache_info())


@functools.lru_cache(maxsize=2)
def square(x):
    print("  computing", x)
    return x * x


for x in [1, 2, 1, 3, 2, 1, 1]:
    square(x)
print(square.cache_info())


@functools.lru_cache
def total(a, b=0):
    print("  total", a, b)
    return a + b


total(1)
total(1)
total(a=1)
total(1, b=0)
total(1, 0)
print(total.cache_info())


@functools.cache
def ident(x):
    return x


ident(1)
ident(1)
ident(2)
print(ident.cache_info(), ident.cache_parameters())


@functools.lru_cache(maxsize=0)
def never(x):
    return x


never(1)
never(1)
print(never.cache_info())


@functools.lru_cache(typed=True)
def typed(x):
    return x


typed(1)
typed(1.0)
typed(1)
print(typed.cache_info())
try:
    square([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    functools.lru_cache("big")
except TypeError as e:
    print("TypeError:", e)


def power(base, exp):
    return base ** exp


cube = functools.partial(power, exp=3)
print(cube(2), cube(base=3), cube.args, cube.keywords, cube.func is power)
twice = functools.partial(power, 2)
print(twice(10), [twice(n) for n in range(4)])
print(functools.reduce(lambda a, b: a * b, range(1, 6)), functools.reduce(max, [3, 9, 2], 0))
