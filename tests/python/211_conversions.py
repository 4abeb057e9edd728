# int(), float(), str(), bool(), list(), tuple(), dict(), set sizes: conversions and their errors
print(int("12"), int(" 7 "), int("-5"), int("+3"), int("ff", 16), int("0xff", 16), int("0b101", 0))
print(int("777", 8), int("z", 36), int(3.9), int(-3.9), int(True), int("1_000"), int("0"))
print(float("3.5"), float(2), float("-0"), float("1e-3"), str(3.0), str(10), str(-0.5))
print(bool(""), bool("False"), bool(0.0), bool([0]), str(True), str(None))
print(list("abc"), list((1, 2)), list(range(3)), list({"a": 1, "b": 2}), list())
print(tuple([1, 2]), tuple("ab"), tuple(), dict([("a", 1), ("b", 2)]), dict(x=1, y=2))
print(dict([("a", 1)], b=2), dict({"c": 3}), len(set("hello")), sorted(set([3, 1, 3, 2])))
for bad in ["abc", "", "1.5", "1 2", "12abc"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("ff")
except ValueError as e:
    print("ValueError:", e)
try:
    float("one")
except ValueError as e:
    print("ValueError:", e)
try:
    int(None)
except TypeError as e:
    print("TypeError:", e)
try:
    int([1])
except TypeError as e:
    print("TypeError:", e)
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print("ValueError:", e)
print(int("٣"), str(12) + str(3), int(str(12) + str(3)) + 1)
