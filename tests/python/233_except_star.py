# except* (PEP 654): each clause gets the matching part of the group, the rest goes on; a lone
# exception is wrapped; bare raise and raise of the part re-raise into the original's shape;
# new exceptions join a new group; else/finally; the errors for bad clause types
def boom():
    raise ExceptionGroup(
        "batch",
        [ValueError(1), TypeError(2), ExceptionGroup("inner", [ValueError(3), KeyError(4)])],
    )


def handled():
    try:
        boom()
    except* ValueError as eg:
        print("values:", repr(eg))
        for e in eg.exceptions:
            print("  member", repr(e))
    except* TypeError as eg:
        print("types:", repr(eg))
    except* (KeyError, IndexError) as eg:
        print("keys:", repr(eg))
    else:
        print("not printed")
    finally:
        print("finally runs")
    print("after try")


handled()

try:
    try:
        boom()
    except* ValueError:
        print("values handled, the rest goes on")
except ExceptionGroup as rest:
    print("rest:", repr(rest))

try:
    try:
        raise ValueError("lone")
    except* ValueError as eg:
        print("lone wrapped:", repr(eg), repr(eg.exceptions[0]))
except Exception:
    print("not printed")

try:
    try:
        raise ValueError("lone")
    except* TypeError:
        print("not printed")
except ValueError as e:
    print("lone unmatched goes on as itself:", repr(e))

try:
    try:
        boom()
    except* ValueError:
        raise
    except* TypeError as eg:
        raise eg
except ExceptionGroup as again:
    print("re-raised:", repr(again))

try:
    try:
        boom()
    except* ValueError as eg:
        raise RuntimeError("handler failed")
except ExceptionGroup as new:
    print("new group:", repr(new))
    first = new.exceptions[0]
    print("its context:", repr(first.__context__))

try:
    try:
        raise ValueError("lone")
    except* ValueError:
        raise KeyError("replaced")
except KeyError as e:
    print("lone replaced:", repr(e), repr(e.__context__))

try:
    try:
        boom()
    except* ExceptionGroup:
        pass
except TypeError as e:
    print("TypeError:", e)

try:
    try:
        boom()
    except* 42:
        pass
except TypeError as e:
    print("TypeError:", e)

try:
    raise ExceptionGroup("ok", [OSError("disk")])
except* OSError as eg:
    print("caught", eg.exceptions)
else:
    print("no")

try:
    print("nothing raised")
except* ValueError:
    print("not printed")
else:
    print("else runs")
