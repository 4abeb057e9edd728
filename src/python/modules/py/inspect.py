"""`inspect`: the is*() predicates (function, method, class, coroutine, generator and their
functions, awaitable) and signature() with its Parameter objects, for functions written in
Python, bound methods and classes (their `__init__`).

The engine keeps no annotations on functions, so a Parameter's annotation and a Signature's
return annotation are always `empty` (CPython shows `(x: int) -> str`, here `(x)`);
`parameters` is a dict rather than a mappingproxy. Left out: bind(), getsource() and the
frame and module introspection; a built-in has no signature (ValueError)."""

from _inspect import code_info as _info
from asyncio import Future as _Future
from asyncio import iscoroutine
from asyncio import iscoroutinefunction as _native_coroutine_function
from enum import IntEnum as _IntEnum


def isclass(obj):
    return isinstance(obj, type)


def isfunction(obj):
    return type(obj).__name__ == "function"


def ismethod(obj):
    return type(obj).__name__ == "method"


def _kind(obj):
    # CPython 3.11 looks through bound methods and functools.partial objects.
    while ismethod(obj) or type(obj).__name__ == "partial":
        obj = obj.__func__ if ismethod(obj) else obj.func
    info = _info(obj)
    return info[0] if info else None


def iscoroutinefunction(obj):
    # asyncio's own coroutine functions (sleep, Queue.get) are native here, without code.
    return _kind(obj) == "coroutine" or _native_coroutine_function(obj)


def isgeneratorfunction(obj):
    return _kind(obj) == "generator"


def isasyncgenfunction(obj):
    return _kind(obj) == "async_generator"


def isgenerator(obj):
    return type(obj).__name__ == "generator"


def isasyncgen(obj):
    return type(obj).__name__ == "async_generator"


def isawaitable(obj):
    return iscoroutine(obj) or isinstance(obj, _Future) or hasattr(type(obj), "__await__")


def isbuiltin(obj):
    return type(obj).__name__ == "builtin_function_or_method"


def isroutine(obj):
    return isfunction(obj) or ismethod(obj) or isbuiltin(obj)


def ismodule(obj):
    return type(obj).__name__ == "module"


class _empty:
    """Marks a parameter without a default or annotation."""


class _ParameterKind(_IntEnum):
    POSITIONAL_ONLY = 0
    POSITIONAL_OR_KEYWORD = 1
    VAR_POSITIONAL = 2
    KEYWORD_ONLY = 3
    VAR_KEYWORD = 4

    def __str__(self):
        return self._name_

    @property
    def description(self):
        return self._name_.lower().replace("_", " ").replace("var ", "variadic ")


class Parameter:
    POSITIONAL_ONLY = _ParameterKind.POSITIONAL_ONLY
    POSITIONAL_OR_KEYWORD = _ParameterKind.POSITIONAL_OR_KEYWORD
    VAR_POSITIONAL = _ParameterKind.VAR_POSITIONAL
    KEYWORD_ONLY = _ParameterKind.KEYWORD_ONLY
    VAR_KEYWORD = _ParameterKind.VAR_KEYWORD
    empty = _empty

    def __init__(self, name, kind, *, default=_empty, annotation=_empty):
        self.name = name
        self.kind = _ParameterKind(kind)
        self.default = default
        self.annotation = annotation

    def __str__(self):
        text = self.name
        if self.default is not _empty:
            text += "=" + repr(self.default)
        if self.kind == _ParameterKind.VAR_POSITIONAL:
            return "*" + text
        if self.kind == _ParameterKind.VAR_KEYWORD:
            return "**" + text
        return text

    def __repr__(self):
        return f'<Parameter "{self}">'

    def __eq__(self, other):
        if not isinstance(other, Parameter):
            return NotImplemented
        return (self.name, self.kind, self.default) == (other.name, other.kind, other.default)


class Signature:
    empty = _empty

    def __init__(self, parameters=None, *, return_annotation=_empty):
        self.parameters = {p.name: p for p in parameters or ()}
        self.return_annotation = return_annotation

    def __str__(self):
        parts = []
        slash = star = False
        for p in self.parameters.values():
            if p.kind == _ParameterKind.POSITIONAL_ONLY:
                slash = True
            elif slash:
                parts.append("/")
                slash = False
            if p.kind == _ParameterKind.VAR_POSITIONAL:
                star = True
            elif p.kind == _ParameterKind.KEYWORD_ONLY and not star:
                parts.append("*")
                star = True
            parts.append(str(p))
        if slash:
            parts.append("/")
        return "(" + ", ".join(parts) + ")"

    def __repr__(self):
        return f"<Signature {self}>"

    def __eq__(self, other):
        if not isinstance(other, Signature):
            return NotImplemented
        return list(self.parameters.values()) == list(other.parameters.values())


def signature(obj):
    drop = 0
    while True:
        if ismethod(obj):
            obj, drop = obj.__func__, drop + 1
        elif hasattr(obj, "__wrapped__"):
            obj = obj.__wrapped__
        elif isclass(obj):
            if _info(obj.__init__) is None:
                return Signature()  # object's own __init__
            obj, drop = obj.__init__, drop + 1
        else:
            break
    info = _info(obj)
    if info is None:
        if callable(obj) and isfunction(getattr(type(obj), "__call__", None)):
            return signature(obj.__call__)
        if callable(obj):
            raise ValueError(f"no signature found for {obj!r}")
        raise TypeError(f"{obj!r} is not a callable object")
    _, positional, posonly, varargs, kwonly, varkw, defaults, kwdefaults = info
    params = []
    first_default = len(positional) - len(defaults)
    for i, name in enumerate(positional):
        kind = _ParameterKind.POSITIONAL_ONLY if i < posonly else _ParameterKind.POSITIONAL_OR_KEYWORD
        default = defaults[i - first_default] if i >= first_default else _empty
        params.append(Parameter(name, kind, default=default))
    if varargs is not None:
        params.append(Parameter(varargs, _ParameterKind.VAR_POSITIONAL))
    for name in kwonly:
        params.append(Parameter(name, _ParameterKind.KEYWORD_ONLY, default=kwdefaults.get(name, _empty)))
    if varkw is not None:
        params.append(Parameter(varkw, _ParameterKind.VAR_KEYWORD))
    if drop:
        if not params or params[0].kind > _ParameterKind.VAR_POSITIONAL:
            raise ValueError("invalid method signature")
        if params[0].kind != _ParameterKind.VAR_POSITIONAL:
            params = params[1:]
    return Signature(params)
