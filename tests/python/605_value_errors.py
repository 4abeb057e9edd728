# ValueError messages from conversions, unpacking, list/str methods and math
tests = [
    lambda: int("abc"),
    lambda: int("3.5"),
    lambda: int("12", 2),
    lambda: float("1,5"),
    lambda: [1, 2].index(3),
    lambda: [1].remove(0),
    lambda: "abc".index("z"),
    lambda: "a,b".split(""),
    lambda: range(0, 5, 0),
    lambda: "x" * -1 or int(""),
    lambda: max([]),
    lambda: chr(0x110000),
    lambda: int("1e3"),
    lambda: "{:d}".format("s"),
    lambda: "{:q}".format(1),
]
for fn in tests:
    try:
        fn()
        print("no error?!")
    except ValueError as e:
        print(type(e).__name__ + ":", e)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b, c = "ab"
except ValueError as e:
    print(e)
try:
    (a, b), c = [1, 2], 3
    (a, b), c = [1], 3
except ValueError as e:
    print(e)
try:
    x, *y, z = [1]
except ValueError as e:
    print(e)
