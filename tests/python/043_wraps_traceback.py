# A traceback names each frame by its code's name: through a functools.wraps wrapper, the
# wrapper's frame is "wrapper", though the function now carries the wrapped one's name.
import functools


def deco(f):
    @functools.wraps(f)
    def wrapper(*a):
        return f(*a)

    return wrapper


@deco
def hello(x):
    return 1 / x


print(hello.__name__, hello(2))
hello(0)
