# arithmetic with Python semantics: floor division and modulo of negatives, int/float mixing, **
print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2)
print(7 / 2, 8 / 2, -1 / 3, 1 / 3)
print(2 ** 10, 2 ** -1, (-2) ** 3, -2 ** 2, 2 ** 0.5, 4 ** 0.5)
print((-8) ** (1 / 3) == (-8) ** (1 / 3), 10 ** 18, 10 ** -3)
print(1 + 2.0, 3 * 1.5, 10 - 0.5, 2 * 3 + 4 * 5, (2 + 3) * 4)
print(0.1 + 0.2, 0.1 + 0.2 == 0.3, 1e16 + 1, 3 * 0.1)
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5))
print(abs(-3), abs(-3.5), -(-4), +5)
print(5 // 0.5, 1 % 0.3, -0.0 == 0.0)
print(int(7 / 2), round(7 / 2), 7 // 2 * 2 + 7 % 2)
x = 10
x += 5
x -= 3
x *= 2
x //= 5
x **= 3
x %= 7
print("x =", x)
y = 1.5
y /= 0.5
print("y =", y, type(y).__name__)
print(True + True, True * 10, False - 1)
