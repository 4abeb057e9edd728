# the built-in exception hierarchy, checked with issubclass, and handler order
pairs = [
    (ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError), (KeyError, LookupError),
    (IndexError, LookupError), (UnboundLocalError, NameError), (RecursionError, RuntimeError),
    (NotImplementedError, RuntimeError), (ConnectionError, OSError), (ConnectionRefusedError, ConnectionError),
    (TimeoutError, OSError), (FileNotFoundError, OSError), (ModuleNotFoundError, ImportError),
    (StopIteration, Exception), (GeneratorExit, Exception), (KeyboardInterrupt, Exception),
    (SystemExit, Exception), (Exception, BaseException), (AssertionError, Exception),
    (UnicodeDecodeError, ValueError), (BaseExceptionGroup, BaseException), (ExceptionGroup, Exception),
]
for sub, base in pairs:
    print(f"{sub.__name__:<24} subclass of {base.__name__:<16} {issubclass(sub, base)}")

def classify(exc):
    try:
        raise exc
    except LookupError:
        return "lookup"
    except ArithmeticError:
        return "arithmetic"
    except OSError:
        return "os"
    except Exception:
        return "other"

for e in (KeyError(1), ZeroDivisionError(), ConnectionResetError(), ValueError(), OverflowError()):
    print(type(e).__name__, "->", classify(e))
