"""`contextlib`: contextmanager, asynccontextmanager, suppress, nullcontext, closing, aclosing,
ContextDecorator and AsyncContextDecorator, ExitStack and AsyncExitStack, redirect_stdout and
redirect_stderr, AbstractContextManager and AbstractAsyncContextManager, following CPython
3.11's code.

An exception raised in the body of a `with` (or `async with`) is thrown into the generator at
its `yield`, as in CPython. As exceptions here carry no `__traceback__` to restore, the
traceback of an exception leaving a @contextmanager's `with` also lists the generator's frame
at its `yield` (CPython's shows only where it was raised).
The abstract classes are plain bases here (no `abc`): `isinstance` holds only for their
subclasses. Left out: chdir.
"""


class AbstractContextManager:
    """A context manager whose __enter__ returns itself; subclasses write __exit__."""

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        return None


class AbstractAsyncContextManager:
    """The same for `async with`."""

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc_value, traceback):
        return None


class ContextDecorator:
    """A context manager that can also decorate a function, whose calls then run inside it."""

    def _recreate_cm(self):
        return self

    def __call__(self, func):
        def inner(*args, **kwds):
            with self._recreate_cm():
                return func(*args, **kwds)

        inner.__wrapped__ = func
        return inner


class AsyncContextDecorator:
    """The same for an async context manager decorating an `async def`."""

    def _recreate_cm(self):
        return self

    def __call__(self, func):
        async def inner(*args, **kwds):
            async with self._recreate_cm():
                return await func(*args, **kwds)

        inner.__wrapped__ = func
        return inner


class _GeneratorContextManagerBase:
    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func, self.args, self.kwds = func, args, kwds

    def _recreate_cm(self):
        # A decorated function makes a fresh generator for each call.
        return type(self)(self.func, self.args, self.kwds)


class _GeneratorContextManager(_GeneratorContextManagerBase, ContextDecorator):
    def __enter__(self):
        # The generator is started here; it cannot be entered a second time.
        del self.args, self.kwds, self.func
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            else:
                raise RuntimeError("generator didn't stop")
        if value is None:
            value = typ()
        try:
            self.gen.throw(value)
        except StopIteration as exc:
            # The generator caught the exception and ended: suppressed (unless the body
            # raised that very StopIteration).
            return exc is not value
        except RuntimeError as exc:
            if exc is value:
                return False
            # A StopIteration thrown in comes back wrapped in a RuntimeError (PEP 479).
            if isinstance(value, StopIteration) and exc.__cause__ is value:
                return False
            raise
        except BaseException as exc:
            # The same exception coming back means "not handled": __exit__ returns False and
            # the `with` statement re-raises it. Anything else replaces it.
            if exc is not value:
                raise
            return False
        raise RuntimeError("generator didn't stop after throw()")


class _AsyncGeneratorContextManager(_GeneratorContextManagerBase, AsyncContextDecorator):
    async def __aenter__(self):
        del self.args, self.kwds, self.func
        try:
            return await self.gen.__anext__()
        except StopAsyncIteration:
            raise RuntimeError("generator didn't yield") from None

    async def __aexit__(self, typ, value, traceback):
        if typ is None:
            try:
                await self.gen.__anext__()
            except StopAsyncIteration:
                return False
            else:
                raise RuntimeError("generator didn't stop")
        if value is None:
            value = typ()
        try:
            await self.gen.athrow(value)
        except StopAsyncIteration as exc:
            return exc is not value
        except RuntimeError as exc:
            if exc is value:
                return False
            if isinstance(value, (StopIteration, StopAsyncIteration)) and exc.__cause__ is value:
                return False
            raise
        except BaseException as exc:
            if exc is not value:
                raise
            return False
        raise RuntimeError("generator didn't stop after athrow()")


def contextmanager(func):
    """@contextmanager: a generator function that yields once becomes a context manager
    (the code before the yield is __enter__, the code after it __exit__)."""

    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)

    helper.__wrapped__ = func
    return helper


def asynccontextmanager(func):
    """@asynccontextmanager: the same for an async generator function, for `async with`."""

    def helper(*args, **kwds):
        return _AsyncGeneratorContextManager(func, args, kwds)

    helper.__wrapped__ = func
    return helper


class suppress:
    """`with suppress(KeyError): ...` ignores those exceptions (and their subclasses)."""

    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        return exctype is not None and issubclass(exctype, self._exceptions)


class nullcontext:
    """A context manager that does nothing: `with nullcontext(x) as y` gives y = x."""

    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass

    async def __aenter__(self):
        return self.enter_result

    async def __aexit__(self, *excinfo):
        pass


class closing:
    """`with closing(thing) as t:` calls thing.close() at the end."""

    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class aclosing:
    """`async with aclosing(thing) as t:` awaits thing.aclose() at the end."""

    def __init__(self, thing):
        self.thing = thing

    async def __aenter__(self):
        return self.thing

    async def __aexit__(self, *exc_info):
        await self.thing.aclose()



# ExitStack, AsyncExitStack and the redirections are loaded on first use: most programs that
# import contextlib only want its decorators.
_LATER = ("ExitStack", "AsyncExitStack", "redirect_stdout", "redirect_stderr")


def __getattr__(name):
    if name not in _LATER:
        raise AttributeError(f"module 'contextlib' has no attribute '{name}'")
    import _contextlib_stacks

    value = getattr(_contextlib_stacks, name)
    globals()[name] = value
    return value
