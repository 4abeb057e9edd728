"""`contextvars`, as CPython's: a Context maps ContextVars to values; `var.set` changes the
current context and `var.reset(token)` undoes it. The engine keeps which context is current
(`_stdlib.context`): each asyncio task runs in its own, a copy of its creator's current context
made when the task was created (`create_task(…, context=)` names another), so a value one task
sets is seen by the coroutines it awaits, never by its siblings or its parent. A task (or the
program's top level) that has no context yet gets an empty one on first use.
"""

from _stdlib import context as _current_or_none
from _stdlib import set_context as _swap


class _NO_DEFAULT:
    """A ContextVar made without a default: a class, not an object, so that a to_thread
    worker's copy of the variable still has none (classes are named in the copy, objects
    copied)."""


def _current():
    ctx = _current_or_none()
    if ctx is None:
        ctx = Context()
        _swap(ctx)
    return ctx


class Context:
    __module__ = "_contextvars"

    def __init__(self):
        self._vars = {}
        self._entered = False

    def run(self, callable, *args, **kwargs):
        if self._entered:
            raise RuntimeError(f"cannot enter context: {self!r} is already entered")
        self._entered = True
        outer = _swap(self)
        try:
            return callable(*args, **kwargs)
        finally:
            _swap(outer)
            self._entered = False

    def copy(self):
        new = Context()
        new._vars = dict(self._vars)
        return new

    def __getitem__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return self._vars[var]

    def get(self, var, default=None):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return self._vars.get(var, default)

    def __contains__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return var in self._vars

    def __len__(self):
        return len(self._vars)

    def __iter__(self):
        return iter(list(self._vars))

    def keys(self):
        return iter(list(self._vars.keys()))

    def values(self):
        return iter(list(self._vars.values()))

    def items(self):
        return iter(list(self._vars.items()))

    def __eq__(self, other):
        if not isinstance(other, Context):
            return NotImplemented
        return self._vars == other._vars


class _Missing:
    def __repr__(self):
        return "<Token.MISSING>"


class Token:
    __module__ = "_contextvars"
    MISSING = _Missing()

    def __init__(self, context, var, old_value):
        self._context = context
        self._var = var
        self._old = old_value
        self._used = False

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old

    def __repr__(self):
        used = " used" if self._used else ""
        return f"<Token{used} var={self._var!r} at {hex(id(self))}>"


class ContextVar:
    __module__ = "_contextvars"

    def __init__(self, name, *, default=_NO_DEFAULT):
        if not isinstance(name, str):
            raise TypeError("context variable name must be a str")
        self._name = name
        self._default = default

    @property
    def name(self):
        return self._name

    def get(self, *default):
        if len(default) > 1:
            raise TypeError(f"get expected at most 1 argument, got {len(default)}")
        vars = _current()._vars
        if self in vars:
            return vars[self]
        if default:
            return default[0]
        if self._default is not _NO_DEFAULT:
            return self._default
        raise LookupError(self)

    def set(self, value):
        ctx = _current()
        old = ctx._vars.get(self, Token.MISSING)
        ctx._vars[self] = value
        return Token(ctx, self, old)

    def reset(self, token):
        if not isinstance(token, Token):
            raise TypeError(f"expected an instance of Token, got {token!r}")
        if token._used:
            raise RuntimeError(f"{token!r} has already been used once")
        if token._var is not self:
            raise ValueError(f"{token!r} was created by a different ContextVar")
        ctx = _current()
        if token._context is not ctx:
            raise ValueError(f"{token!r} was created in a different Context")
        if token._old is Token.MISSING:
            del ctx._vars[self]
        else:
            ctx._vars[self] = token._old
        token._used = True

    def __repr__(self):
        default = "" if self._default is _NO_DEFAULT else f" default={self._default!r}"
        return f"<ContextVar name={self._name!r}{default} at {hex(id(self))}>"


def copy_context():
    return _current().copy()
