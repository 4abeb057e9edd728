# math: sqrt, floor, ceil, pi, e, inf, nan, isnan, isclose, log/log2/log10, exp, sin/cos, hypot
import math

print(math.sqrt(16), math.sqrt(2), math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1))
print(type(math.floor(2.5)).__name__, type(math.sqrt(4)).__name__, math.pi, math.e)
print(math.inf, -math.inf, math.nan, math.inf > 10 ** 18, math.isnan(math.nan), math.isnan(1.0))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1.0, 1.1), math.isclose(1.0, 1.05, rel_tol=0.1),
      math.isclose(0, 1e-10, abs_tol=1e-9))
print(math.log(math.e), math.log(100, 10), math.log(8, 2), math.log(1), math.log(10))
print(math.log2(1024), math.log2(3), math.log10(1000), math.log10(0.001), math.log10(2))
print(math.exp(0), math.exp(1), math.exp(-1), math.exp(2.5))
print(math.sin(0), math.cos(0), math.sin(math.pi / 6), math.cos(math.pi / 3), round(math.cos(math.pi), 12))
print(math.sin(1), math.cos(1), math.hypot(3, 4), math.hypot(5, 12), math.hypot(1, 1))
print(math.sqrt(0.0), math.floor(-0.5), math.ceil(-0.5), math.floor(3), math.sqrt(1e-10))
radius = 2.5
print(f"area {math.pi * radius ** 2:.3f}, circumference {2 * math.pi * radius:.3f}")
