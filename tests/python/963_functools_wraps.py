# functools.wraps and update_wrapper: a decorated function keeps the wrapped one's __name__,
# __qualname__ and __module__ and gains __wrapped__ and its attributes, for plain and async
# wrappers, decorators with arguments (retry), methods, a class-based decorator; the
# coroutine a wrapper returns is named after the wrapped function
import asyncio
import functools


def counted(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return func(*args, **kwargs)

    wrapper.calls = 0
    return wrapper


@counted
def add(a, b=1):
    return a + b


print(add(2), add(2, b=5), add.calls, add.__name__, add.__qualname__, add.__module__)
print(add.__wrapped__(10, 10), add.__wrapped__.__name__)


def tagged(func):
    func.tag = "original"
    return func


@counted
@tagged
def shout(s):
    return s.upper()


print(shout("hi"), shout.tag, shout.__name__, shout.calls)


def retry(times):
    def decorator(func):
        @functools.wraps(func)
        async def wrapper(*args):
            for attempt in range(1, times + 1):
                try:
                    return await func(*args)
                except ConnectionError as e:
                    print(f"{func.__name__} attempt {attempt} failed: {e}")
                    await asyncio.sleep(0.1)
            raise ConnectionError(f"{func.__name__} gave up")

        return wrapper

    return decorator


attempts = 0


@retry(3)
async def fetch(url):
    global attempts
    attempts += 1
    await asyncio.sleep(0.1)
    if attempts < 3:
        raise ConnectionError(f"reset #{attempts}")
    return f"body of {url}"


async def main():
    print(await fetch("a.example"), fetch.__name__, fetch.__qualname__)
    coro = fetch("b.example")
    print(coro.__name__, coro.__qualname__)
    print(await coro)


asyncio.run(main())


class Service:
    @counted
    def handle(self, x):
        return x * 2


s = Service()
print(s.handle(4), Service.handle.__name__, Service.handle.__qualname__, Service.handle.calls)


class CountCalls:
    def __init__(self, func):
        functools.update_wrapper(self, func)
        self.func = func
        self.n = 0

    def __call__(self, *args):
        self.n += 1
        return self.func(*args)


@CountCalls
def square(x):
    return x * x


print(square(3), square(4), square.n, square.__name__, square.__wrapped__(5))


def plain(x):
    return x


def other(*args):
    return plain(*args)


renamed = functools.update_wrapper(other, plain)
print(renamed.__name__, renamed(7), renamed.__wrapped__ is plain)
print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)
