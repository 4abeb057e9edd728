# big integers (beyond 64 bits): arithmetic, factorial, powers, conversions, formatting
import math

print(2 ** 64, 2 ** 100, -(2 ** 70), 10 ** 30 + 1)
print(math.factorial(30), math.factorial(25) // math.factorial(23))
big = 123456789 ** 5
print(big, big % 97, big // 10 ** 20, len(str(big)))
print(hex(2 ** 80), bin(2 ** 65), int("9" * 30) + 1)
print(f"{2 ** 70:,}", f"{2 ** 70:_x}", (2 ** 64).bit_length(), 2 ** 63 - 1 + 1)
print(divmod(-(10 ** 25), 7), pow(3, 200, 10 ** 9 + 7), 7 ** 50 == int(str(7 ** 50)))
print(float(2 ** 100), int(1e30), 2 ** 200 / 2 ** 190)
fib = [0, 1]
for _ in range(150):
    fib.append(fib[-1] + fib[-2])
print(fib[100], fib[150])
print(sum(range(10 ** 6)) * 10 ** 12, abs(-(2 ** 90)), hash(2 ** 70) == hash(2 ** 70))
