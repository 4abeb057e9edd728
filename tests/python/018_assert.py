# assert with and without messages
def safe_div(a, b):
    assert b != 0, f"cannot divide {a} by zero"
    return a / b
print(safe_div(6, 3))
try:
    safe_div(1, 0)
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert 1 + 1 == 3
except AssertionError as e:
    print("bare assert:", repr(e), repr(str(e)), e.args)
assert True, "never shown"
x = [1, 2]
try:
    assert len(x) > 5, ("tuple message", len(x))
except AssertionError as e:
    print("tuple message:", e.args)
print("done")
