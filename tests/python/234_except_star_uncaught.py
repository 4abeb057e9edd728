# an exception group nobody handles: except* re-raises the unmatched part with the original
# traceback, and the program ends with CPython's group traceback (boxes, nested groups,
# a handler's new exception with its context)
def work():
    raise ExceptionGroup("jobs", [ValueError("bad value"), TypeError("bad type"), ExceptionGroup("more", [KeyError("k")])])


def run():
    try:
        work()
    except* ValueError as eg:
        print("handled", eg.exceptions)
        raise RuntimeError("while handling")


print("start")
run()
