# float repr: shortest round-trip, exponent thresholds, inf, nan, -0.0, arithmetic surprises
values = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1e-05, 0.0001, 1e16, 1e15, 123456789012345678.0,
          1.5e300 * 1e10, -1e-320, 5e-324, 1.0, 100.0, 2.5, 1e22, 1.7976931348623157e308,
          float("inf"), float("-inf"), float("nan"), -0.0, 0.0, 3.0 * 1.1, 1.1 * 1.1, 9.95, 0.3]
for v in values:
    print(repr(v), str(v))
print(float("1e3"), float(" 2.5 "), float("-inf"), float("NaN"), float("1_0.5"))
nan = float("nan")
print(nan == nan, nan != nan, nan < 1, float("inf") > 1e308, -0.0 == 0.0, str(-0.0))
print(1e308 * 10, -1e308 * 10, float("inf") - float("inf"))
print(round(0.1 + 0.2, 2), sum([0.1] * 10), 0.1 * 3 == 0.3)
print(2 ** 0.5, 10 / 3, 7.0 // 2, 7.0 % 2, -7.0 // 2)
print(1.0.is_integer(), 1.5.is_integer(), (0.5).as_integer_ratio())
print(int(1e16), int(-2.9), float(10 ** 15), 1e15 + 0.3)
