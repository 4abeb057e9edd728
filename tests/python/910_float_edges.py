# float edge cases: inf and nan arithmetic, -0.0, comparisons, int conversion errors
inf = float("inf")
nan = float("nan")
print(inf + 1, inf - inf, inf * 0, -inf, 1 / inf, inf > 1e308, -inf < -1e308)
print(nan == nan, nan is nan, [nan] == [nan], nan in [nan], nan > 0, nan < 0)
print(-0.0, 0.0 == -0.0, str(-0.0), repr(-0.0), -0.0 + 0.0, abs(-0.0), round(-0.4))
print(max(1, nan), max(nan, 1), min([3.0, inf, -inf]), sorted([2.0, -inf, inf, 0.0]))
for bad in (inf, nan):
    try:
        int(bad)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(1e308 * 10 == inf, 2.0 ** 1023 > 0, 5e-324 / 2, 0.1 + 0.7, 0.1 * 3, 1.1 + 2.2)
print(float("-0"), float("+1.5"), float("  inf  "), float("-Infinity"), 1e-320 > 0)
print(divmod(-0.0, 1), divmod(5.5, -2), -5.5 // 2, -5.5 % 2, 5 % -0.5)
try:
    round(inf)
except OverflowError as e:
    print("round(inf) raises OverflowError:", e)
