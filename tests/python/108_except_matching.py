# except clauses: tuples of classes, order, base classes, bare raise, re-raise another type
def risky(kind):
    if kind == "key":
        return {}["k"]
    if kind == "index":
        return [][0]
    if kind == "zero":
        return 1 // 0
    if kind == "value":
        return int("x")
    return "fine"

for kind in ("key", "index", "zero", "value", "none"):
    try:
        print(risky(kind))
    except (KeyError, IndexError) as e:
        print(kind, "-> LookupError family:", type(e).__name__, e)
    except ArithmeticError as e:
        print(kind, "-> ArithmeticError:", type(e).__name__, e)
    except Exception as e:
        print(kind, "-> Exception:", type(e).__name__, e)

def reraiser():
    try:
        risky("zero")
    except ZeroDivisionError:
        print("logging and re-raising")
        raise

try:
    reraiser()
except ZeroDivisionError as e:
    print("got it again:", e)
errors = (ValueError, TypeError)
try:
    raise TypeError("bad type")
except errors as e:
    print("matched via tuple variable:", e)
try:
    try:
        raise ValueError("first")
    except ValueError:
        raise RuntimeError("second")
except RuntimeError as e:
    print(repr(e), "context:", repr(e.__context__))
