# logging with exceptions (to stderr, where tracebacks are compared): logger.exception in an
# except block, exc_info=True / an exception instance, chained exceptions, exception()
# with no exception being handled, and the "--- Logging error ---" report of a bad format
import logging

logging.basicConfig(format="%(levelname)s:%(name)s:%(funcName)s:%(lineno)d: %(message)s")
log = logging.getLogger("errors")


def parse(text):
    return int(text)


def load(text):
    try:
        return parse(text)
    except ValueError as e:
        raise RuntimeError(f"cannot load {text!r}") from e


def step(n):
    try:
        return 10 // n
    except ZeroDivisionError:
        log.exception("step %d failed", n)
        return None


print(step(2), step(0))
try:
    load("x")
except RuntimeError:
    log.exception("load failed")
try:
    {}["key"]
except KeyError as e:
    try:
        None.attr
    except AttributeError:
        log.error("while handling %r", e, exc_info=True)
log.warning("an instance", exc_info=ValueError("never raised"))
log.error("nothing is being handled", exc_info=True)
log.info("not shown, no traceback formatted", exc_info=True)
logging.exception("the module function")
log.error("wrong type for %d", "x")
log.error("too many arguments", 1)


def deeper():
    log.error("%s and %s", "only one")


deeper()
print("done")
