# exception objects: type name, str, repr and args for built-in and constructed exceptions
excs = [
    Exception(),
    Exception("one"),
    Exception("two", 2),
    ValueError("bad value"),
    KeyError("key"),
    KeyError(42),
    IndexError("list index out of range"),
    TypeError(),
    RuntimeError("boom"),
    StopIteration(5),
    OSError("disk"),
    ConnectionError("refused"),
    TimeoutError(),
    NotImplementedError("later"),
    AssertionError("a", "b"),
]
for e in excs:
    print(f"{type(e).__name__:<20} str={str(e)!r:<30} repr={e!r:<40} args={e.args}")
print(StopIteration(5).value, KeyError("k").args[0])
print(issubclass(ConnectionError, OSError), issubclass(TimeoutError, OSError))
print(issubclass(NotImplementedError, RuntimeError), issubclass(RecursionError, RuntimeError))
print(issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, BaseException))
e = ValueError("x")
e.extra = "attached"
print(e.extra, e.args)
