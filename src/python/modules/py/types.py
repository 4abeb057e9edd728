"""`types`: SimpleNamespace and the types of the engine's own objects (FunctionType,
CoroutineType, GeneratorType, MethodType, ModuleType, NoneType…), for isinstance() and
annotations. Left out: GenericAlias (`list[int]` is `list` here), MappingProxyType,
new_class and coroutine(); the types cannot be called to make objects."""

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
