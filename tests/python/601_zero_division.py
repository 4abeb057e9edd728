# ZeroDivisionError messages for /, //, %, divmod, float and int operands
cases = [
    ("1 / 0", lambda: 1 / 0),
    ("1 // 0", lambda: 1 // 0),
    ("1 % 0", lambda: 1 % 0),
    ("1.0 / 0", lambda: 1.0 / 0),
    ("1 / 0.0", lambda: 1 / 0.0),
    ("1.0 // 0", lambda: 1.0 // 0),
    ("1.0 % 0", lambda: 1.0 % 0),
    ("divmod(1, 0)", lambda: divmod(1, 0)),
    ("divmod(1.0, 0)", lambda: divmod(1.0, 0)),
    ("0 ** -1", lambda: 0 ** -1),
    ("0.0 ** -1", lambda: 0.0 ** -1),
    ("pow(5, 1, 0)", lambda: pow(5, 1, 0)),
]
for text, fn in cases:
    try:
        fn()
    except ZeroDivisionError as e:
        print(f"{text:15} -> {type(e).__name__}: {e}")
    except ValueError as e:
        print(f"{text:15} -> {type(e).__name__}: {e}")
x = 0
try:
    x /= 0
except ZeroDivisionError as e:
    print("augmented:", repr(e), e.args, issubclass(ZeroDivisionError, ArithmeticError))
