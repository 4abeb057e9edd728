# Ints past 64 bits: + - * // % ** << >> & | ^ ~ with Python's sign rules, mixed with bools
# and floats, and results that fall back within 64 bits.
big = 3 ** 100
small = 7 ** 30
print(big, small, -big)
print(big + 1, big - big, big * 0, big * -1, (big - 1) - big)
for a in (big, -big):
    for b in (small, -small, 7, -7, 2 ** 64, -(2 ** 64)):
        print(a // b, a % b, divmod(a, b))
print(2 ** 63, -(2 ** 63), 2 ** 63 - 1, -(2 ** 63) - 1, 2 ** 64 - 1)
print(9223372036854775807 + 1, -9223372036854775808 - 1, 4611686018427387904 * 2)
print(-(-9223372036854775808), abs(-9223372036854775808), -9223372036854775808 // -1)
print(divmod(-9223372036854775808, -1), -9223372036854775808 % -1)
print(big >> 50, -big >> 50, big << 10, -big << 10, 1 << 100, -1 << 100, 5 >> 1000, -5 >> 1000)
print(big >> 10 ** 20, -big >> 10 ** 20, 0 << 10 ** 20)
print(big & small, big | small, big ^ small, ~big, -big & 0xFFFF, -big | 1, -big ^ -small)
print(big & -1, big & 0, (2 ** 100 - 1) & -(2 ** 60))
print(big + True, big * False, True + 2 ** 64, big - 0.5, big * 1.5, big / 2, 2 ** 64 + 0.0)
print(2 ** 200 / 2 ** 190, 2 ** 200 / 3, 10 ** 30 / 7, -(10 ** 30) / 7, 1 / 10 ** 300, 10 ** 300 / 10 ** 299)
print((2 ** 53 + 1) / 1, (2 ** 64 + 1) / 2 ** 64, 12345678901234567890123 / 1000)
print(big // 2.5, big % 2.5, 2.5 // big, 2.5 % big, -2.5 % big)
print(2 ** 100 ** 1, (-2) ** 101, (-1) ** (2 ** 70), 0 ** (2 ** 70), 1 ** (2 ** 70))
print((2 ** 70) ** -1, 2 ** -70, 10 ** 20 * 1.5)
print(pow(3, 200, 10 ** 9 + 7), pow(2 ** 70, 3, 10 ** 25), pow(3, 2 ** 70, 2 ** 64 + 7))
print(pow(2 ** 70, -1, 7), pow(3, -1, 2 ** 70 + 1), pow(-3, 5, -(2 ** 70)), pow(5, -2, 2 ** 89 - 1))
print(pow(2 ** 100, 2), pow(-(2 ** 65), 3))
x = 1
for i in range(1, 40):
    x *= i
    x += i
print(x, x.bit_length(), (-x).bit_length(), x.bit_count())
print(sum([2 ** 62] * 8), sum(range(10 ** 6)) * 10 ** 12, max(2 ** 70, 2 ** 71, 5), min([2 ** 70, -1]))
print(sorted([2 ** 70, 1, -(2 ** 80), 3.5, 2 ** 64, 2.0 ** 64, -(2 ** 63)]))
print(2 ** 64 == 2.0 ** 64, 2 ** 64 + 1 == 2.0 ** 64, 2 ** 64 + 1 > 2.0 ** 64, 2 ** 1000 > float("inf"))
print(2 ** 1000 > 1e308, -(2 ** 1000) < -1e308, 2 ** 1000 == float("nan"), 2 ** 1000 < float("nan"))
print(2 ** 70 > 2 ** 69, 2 ** 70 <= -(2 ** 70), 2 ** 70 != 2 ** 70, 10 ** 20 > 5, 5 < 10 ** 20 < 10 ** 21)
print(2 ** 70 == True, 2 ** 70 in [1, 2 ** 70], (2 ** 70) is not None, bool(2 ** 70), not 2 ** 70)
print(type(2 ** 70), type(2 ** 70 - 2 ** 70 + 5), isinstance(2 ** 70, int), type(2 ** 70).__name__)
n = 2 ** 64
n += 1
n -= 2
n *= 3
n //= 7
n %= 10 ** 15
n <<= 70
n >>= 3
n **= 2
print(n)
print(0xFFFFFFFFFFFFFFFFFFFF, 0o7777777777777777777777777, 0b1_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000, 123_456_789_012_345_678_901_234)
print((2 ** 70).real, (2 ** 70).imag, (2 ** 70).numerator, (2 ** 70).denominator, (2 ** 70).conjugate())
print((2 ** 70).as_integer_ratio(), int.bit_length(2 ** 70), (2 ** 70).__class__)
