# try/except/else/finally: which blocks run, in which order
def attempt(x):
    print(f"attempt({x!r})")
    try:
        print("  try")
        result = 10 / x
    except ZeroDivisionError as e:
        print("  except:", e)
        return "from except"
    except TypeError:
        print("  except TypeError")
        raise
    else:
        print("  else, result", result)
        return "from else"
    finally:
        print("  finally")

print(attempt(2))
print(attempt(0))
try:
    attempt("s")
except TypeError as e:
    print("outer caught:", e)
def loop_finally():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
            print("  body", i)
        finally:
            print("  finally", i)
loop_finally()
try:
    try:
        raise KeyError("inner")
    finally:
        print("inner finally runs before outer except")
except KeyError as e:
    print("outer except", repr(e))
e = "before"
try:
    raise ValueError("x")
except ValueError as e:
    pass
try:
    print(e)
except NameError as err:
    print("NameError:", err)
