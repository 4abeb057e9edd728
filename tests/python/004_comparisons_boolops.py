# comparison chains; and/or/not return operands; conditional expressions
x = 5
print(1 < x < 10, 1 < x > 10, 1 < 2 < 3 < 4, 3 > 2 == 2, 1 == 1.0 == True)
print(x == 5 != 6, "a" < "b" < "c", [1, 2] < [1, 3], (1, 2) < (1, 2, 0))
print(0 or "default", "" or [] or None, 3 and 4, 0 and 4, None and 1)
print(not 0, not "x", not [], not None, not not 3)
print([] or [1], {} and {1: 2}, "a" and "b" or "c", 0 and 1 or 2)
def side(name, value):
    print("  eval", name)
    return value
print("short-circuit and:", side("A", False) and side("B", True))
print("short-circuit or:", side("C", 1) or side("D", 2))
for n in (-3, 0, 7):
    kind = "negative" if n < 0 else "zero" if n == 0 else "positive"
    print(n, kind)
print("even" if 10 % 2 == 0 else "odd")
print(None is None, [] is not [], "x" in "xyz", 3 not in [1, 2])
