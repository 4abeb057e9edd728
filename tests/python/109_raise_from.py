# raise ... from ...: __cause__, __context__, __suppress_context__, from None
class ConfigError(Exception):
    pass

def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError(f"bad number {text!r}") from e

try:
    parse("x1")
except ConfigError as e:
    print(repr(e))
    print("cause:", repr(e.__cause__))
    print("context is cause:", e.__context__ is e.__cause__)
    print("suppress:", e.__suppress_context__)

def hide():
    try:
        {}["missing"]
    except KeyError:
        raise LookupError("not found") from None

try:
    hide()
except LookupError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("while handling")
except ValueError as e:
    print(repr(e), "cause", e.__cause__, "context", repr(e.__context__))
err = RuntimeError("direct")
try:
    raise err from KeyError("k")
except RuntimeError as e:
    print(e is err, repr(e.__cause__))
