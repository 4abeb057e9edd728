# round(): half-to-even on ints, float representation effects, negative ndigits, return types
print(round(0.5), round(1.5), round(2.5), round(3.5), round(-0.5), round(-1.5), round(-2.5))
print(round(2.675, 2), round(0.125, 2), round(0.375, 2), round(1.005, 2), round(2.5, 0))
print(round(3.14159, 3), round(3.14159), round(3.7), round(-3.7), round(1234.5678, -2))
print(round(1250, -2), round(1350, -2), round(15, -1), round(25, -1), round(-25, -1))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(7, 1)).__name__)
print(round(1e20, 2), round(0.1 + 0.2, 10), round(-0.0), round(0.0001234, 5))
for x in [0.15, 0.25, 0.35, 0.45, 0.55]:
    print(x, round(x, 1))
