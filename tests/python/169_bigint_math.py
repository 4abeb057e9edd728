# The math module on big ints: factorial, comb, perm, gcd, lcm, isqrt, logs, floor/ceil/trunc.
import math

for n in (20, 21, 25, 30, 50, 100):
    print(n, math.factorial(n))
print(len(str(math.factorial(1000))), math.factorial(1000) % (10 ** 9 + 7), sum(map(int, str(math.factorial(500)))))
print(math.comb(100, 50), math.comb(70, 3), math.comb(200, 150), math.comb(10, 20), math.comb(64, 32))
print(math.perm(30), math.perm(40, 20), math.perm(5, 7), math.perm(25, 1))
print(math.gcd(2 ** 100, 6 ** 50), math.gcd(-(2 ** 70), 2 ** 65 * 3), math.gcd(-9223372036854775808, 0), math.gcd(3 ** 60, 5 ** 40))
print(math.gcd(), math.gcd(2 ** 80), math.gcd(12, 2 ** 70, 2 ** 90 * 3))
print(math.lcm(2 ** 40, 3 ** 30), math.lcm(*range(1, 60)), math.lcm(-(2 ** 70), 6), math.lcm(0, 2 ** 70), math.lcm())
print(math.isqrt(10 ** 40), math.isqrt(2 ** 127), math.isqrt(10 ** 50 - 1), math.isqrt(9223372036854775807))
print(math.log(10 ** 400), math.log2(2 ** 1000), math.log10(10 ** 500), math.log(2 ** 100, 2), math.log(10 ** 30, 10))
print(math.log2(2 ** 64), math.log10(10 ** 20), math.log(3 ** 1000), math.log(2 ** 2000, 2 ** 100), math.log2(3 ** 700))
print(math.sqrt(10 ** 40), math.sqrt(2 ** 100), math.exp(0) * 2 ** 70, math.floor(1e20), math.ceil(-1e25), math.trunc(2.5e30))
print(math.floor(2 ** 70), math.ceil(-(2 ** 70)), math.trunc(3 ** 50), math.floor(1.5e19), math.ceil(9.3e18))
print(math.prod(range(1, 30)), math.prod([2 ** 40, 2 ** 40, 3]), math.fsum([2 ** 70, 1.5]), math.isclose(2 ** 70, 2.0 ** 70))
print(math.hypot(2 ** 60, 2 ** 60), math.copysign(2 ** 70, -1), math.fabs(-(2 ** 70)), math.pow(2 ** 70, 2))
try:
    math.sqrt(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
try:
    math.log(-(10 ** 400))
except ValueError as e:
    print("ValueError:", e)
try:
    math.isqrt(-(2 ** 70))
except ValueError as e:
    print("ValueError:", e)

# comb and perm of ints past i64.
print(math.comb(2 ** 70, 2), math.comb(2 ** 70, 5), math.perm(2 ** 64, 3), math.comb(2 ** 63 + 5, 2 ** 63), math.comb(100, 50), math.perm(10), math.perm(10, 3))
print(math.comb(0, 0), math.comb(5, 0), math.perm(5, 0), math.comb(1000, 999), math.perm(3, 5), math.comb(3, 5), math.comb(2 ** 64, 40) % 1000003)
for f in (lambda: math.comb(-1, 2), lambda: math.comb(5, -1), lambda: math.comb(-1, -1), lambda: math.perm(-(2 ** 70), 1), lambda: math.comb(5.0, 2)):
    try:
        f()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
