# contextlib: ExitStack (enter_context, callback, push, pop_all, close, an exit that suppresses,
# a callback that fails), AsyncExitStack, AbstractContextManager, and redirect_stdout /
# redirect_stderr seen through sys.stdout and sys.stderr.
import asyncio
import io
import sys
from contextlib import (AbstractContextManager, AsyncExitStack, ExitStack, asynccontextmanager,
                        contextmanager, redirect_stderr, redirect_stdout, suppress)


class Resource(AbstractContextManager):
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("open", self.name)
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        print("close", self.name, exc_type.__name__ if exc_type else None)


@contextmanager
def tag(name):
    print(f"<{name}>")
    yield name
    print(f"</{name}>")


with ExitStack() as stack:
    names = [stack.enter_context(Resource(n)) for n in ("a", "b")]
    stack.callback(print, "callback", 1)
    print(stack.enter_context(tag("t")), names)
    print("body")

with suppress(KeyError):
    with ExitStack() as stack:
        stack.enter_context(Resource("c"))
        stack.push(lambda *exc: print("pushed exit", exc[0].__name__))
        raise KeyError("boom")
print("suppressed")

with ExitStack() as stack:
    stack.push(lambda *exc: True)
    raise ValueError("swallowed by the exit callback")
print("after swallowed")

with ExitStack() as outer:
    outer.enter_context(Resource("kept"))
    later = outer.pop_all()
print("popped")
later.close()

try:
    with ExitStack() as stack:
        stack.enter_context(42)
except TypeError as e:
    print("TypeError:", e)

print(isinstance(Resource("x"), AbstractContextManager))


def failing_cleanup():
    raise RuntimeError("cleanup failed")


try:
    with ExitStack() as stack:
        stack.callback(failing_cleanup)
        raise ValueError("body failed")
except RuntimeError as e:
    print(repr(e), repr(e.__context__))

buf = io.StringIO()
with redirect_stdout(buf) as target:
    print("to the buffer", file=sys.stdout)
    sys.stdout.write("written\n")
print(target is buf, repr(buf.getvalue()))
err = io.StringIO()
with redirect_stderr(err):
    sys.stderr.write("an error line\n")
print(repr(err.getvalue()))


@asynccontextmanager
async def connection(name):
    print("connect", name)
    await asyncio.sleep(0.1)
    yield name
    print("disconnect", name)


async def close_later(name):
    await asyncio.sleep(0.1)
    print("closed later", name)


async def main():
    async with AsyncExitStack() as stack:
        conns = [await stack.enter_async_context(connection(n)) for n in ("db", "cache")]
        stack.push_async_callback(close_later, "pool")
        stack.callback(print, "sync callback")
        stack.enter_context(Resource("file"))
        print("using", conns)
    try:
        async with AsyncExitStack() as stack:
            await stack.enter_async_context(Resource("sync"))
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
