# The engine answers comparisons and augmented assignments of ints, floats and strings without
# looking up special methods: each result here must still be CPython's, NaN, mixed types,
# non-ASCII strings and the errors included.
nan = float("nan")
print(nan == nan, nan != nan, nan < 1.0, nan >= nan, 1.0 < 2.0, -0.0 == 0.0)
print(3 < 4, 4 <= 4, 5 > 5, 5 >= 6, 7 == 7, 7 != 7)
print("abc" < "abd", "é" > "z", "Z" < "a", "" < "a", "ab" <= "ab", "b" != "b")
print("日本" > "中国", "\U0001f600" > "\uffff", "a\x00" > "a")
print(1 == 1.0, 2 < 2.5, True == 1, 1.5 > True, "1" == 1)
print(2**62 < 2**62 + 1, -(2**62) < 0, 1 < 2 < 3, 3 > 2 > 2)
x = 5
x += 2
x -= 10
x *= -3
x //= 2
x %= 4
x **= 3
print(x)
f = 1.5
f += 1
f /= 4
print(f)
s = "ab"
s += "cd"
s *= 2
print(s)
b = True
b += True
print(b, type(b).__name__)
def none_plus():
    x = None
    x += 1


def str_minus():
    s = "a"
    s -= "a"


def str_plus_int():
    t = "a"
    t += 1


def int_plus_str():
    n = 1
    n += "a"


for bad in (none_plus, str_minus, str_plus_int, int_plus_str):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
for left, right in ((1, "a"), ("a", 1.0), (None, 0)):
    try:
        print(left < right)
    except TypeError as e:
        print("TypeError:", e)
