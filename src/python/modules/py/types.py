"""`types`: SimpleNamespace and the types of the engine's own objects (FunctionType,
CoroutineType, GeneratorType, MethodType, ModuleType, NoneType…), for isinstance() and
annotations, and `coroutine()`. Left out: GenericAlias (`list[int]` is `list` here),
MappingProxyType and new_class; the types cannot be called to make objects."""

import sys as _sys


class SimpleNamespace:
    """Attribute access over keyword arguments, with CPython's repr `namespace(a=1)`."""

    def __init__(self, **kwargs):
        for k, v in kwargs.items():
            setattr(self, k, v)

    def __repr__(self):
        name = "namespace" if type(self) is SimpleNamespace else type(self).__name__
        return f"{name}({', '.join(f'{k}={v!r}' for k, v in self.__dict__.items())})"

    def __eq__(self, other):
        if not isinstance(other, SimpleNamespace):
            return NotImplemented
        return self.__dict__ == other.__dict__

    __hash__ = None


def _f():
    pass


async def _c():
    pass


def _g():
    yield


async def _ag():
    yield


class _C:
    def _m(self):
        pass


FunctionType = LambdaType = type(_f)
_co = _c()
CoroutineType = type(_co)
_co.close()
GeneratorType = type(_g())
AsyncGeneratorType = type(_ag())
MethodType = type(_C()._m)
BuiltinFunctionType = BuiltinMethodType = type(len)
ModuleType = type(_sys)
NoneType = type(None)
EllipsisType = type(...)
NotImplementedType = type(NotImplemented)
UnionType = type(int | str)
del _f, _c, _g, _ag, _C, _co


class _GeneratorWrapper:
    """What a function `coroutine()` decorated answers when it makes a generator: CPython
    marks such a generator awaitable (its code's CO_ITERABLE_COROUTINE flag); here it is
    wrapped, as CPython wraps the generators other callables make."""

    def __init__(self, gen):
        self.__wrapped = gen
        self.__name__ = getattr(gen, "__name__", None)
        self.__qualname__ = getattr(gen, "__qualname__", None)

    def send(self, val):
        return self.__wrapped.send(val)

    def throw(self, *args):
        return self.__wrapped.throw(*args)

    def close(self):
        return self.__wrapped.close()

    def __next__(self):
        return next(self.__wrapped)

    def __iter__(self):
        return self.__wrapped

    __await__ = __iter__


def coroutine(func):
    """Makes a generator-based coroutine awaitable (`await legacy()`)."""
    if not callable(func):
        raise TypeError("types.coroutine() expects a callable")
    import inspect

    if inspect.iscoroutinefunction(func):
        return func
    import functools

    @functools.wraps(func)
    def wrapped(*args, **kwargs):
        coro = func(*args, **kwargs)
        if type(coro) is GeneratorType:
            return _GeneratorWrapper(coro)
        return coro

    return wrapped
