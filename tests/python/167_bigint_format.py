# Big ints as text and back: str/repr, format specs, %-formatting, int(str, base),
# int(float), float(int), round, hex/oct/bin.
b = 2 ** 70
n = -(3 ** 50)
print(b, n, repr(b), str(n), [b, n], (b,), {b: n})
for spec in ["", "d", ",", "_", "x", "X", "o", "b", "#x", "#o", "#b", "#X", "_x", "_b", "40", "<40", "^40", "*>+40,", "+", " ", "-", "=+40", "040", "040,", "n", "e", "E", ".3e", "f", ".2f", "g", ".10g", "G", "%", ".1%", ",.2f", "20.3e"]:
    print(repr(spec), format(b, spec), format(n, spec))
print(f"{b:,} {n:_} {b:#x} {b!r:>30} {n!s} {b:{'>'}{30}}")
print("%d %i %u %x %X %o %#x %#o %e %f %g %s %r" % (b, n, b, b, n, b, n, n, b, n, b, n, b))
print("%30d|%-30d|%+d|% d|%030d|%.25d|%#30x" % (b, b, b, b, n, b, b))
print("%(a)d %(a)x" % {"a": 2 ** 80})
print("{} {:,} {:x} {!r}".format(b, n, b, n))
print(int("123456789012345678901234567890"), int("-123456789012345678901234567890"), int("  +99999999999999999999  "))
print(int("1_000_000_000_000_000_000_000"), int("f" * 30, 16), int("-0x" + "f" * 30, 16), int("0x" + "f" * 30, 0))
print(int("1" * 100, 2), int("7" * 40, 8), int("z" * 20, 36), int("0b" + "1" * 80, 0), int("0o" + "7" * 30, 0))
print(int(1e30), int(-1e30), int(2.0 ** 64), int(1.5e300) % 1000, int(9.3e18), int(-9.3e18))
print(float(2 ** 70), float(-(3 ** 100)), float(2 ** 1023), float(2 ** 64 + 1), float(2 ** 53 + 1), float(10 ** 300))
print(round(b), round(b, 2), round(b, -5), round(n, -10), round(-(2 ** 70), -20), round(5 * 10 ** 20, -21), round(15 * 10 ** 20, -21), round(25 * 10 ** 20, -21))
print(round(9223372036854775807, -1), round(-9223372036854775807, -2), round(1e20), round(2.5e20), round(-1.5e25))
print(hex(b), oct(b), bin(b), hex(n), oct(n), bin(-(2 ** 65)))
print(int(str(7 ** 50)) == 7 ** 50, len(str(2 ** 1000)), str(2 ** 1000)[:20], ascii(2 ** 80))
print(int(b), int(True) + b, b.__index__() if hasattr(b, "__index__") else b)
print((1234567890123456789012345).to_bytes(11, "big"), (2 ** 70).to_bytes(10, "little"))
print((-(2 ** 70)).to_bytes(10, "big", signed=True), int.from_bytes(b"\xff" * 12, "big"), int.from_bytes(b"\xff" * 12, "little", signed=True))
print(int.from_bytes(bytes(range(1, 20)), "big"), int.from_bytes(b"\x80" + bytes(15), "big", signed=True))
print((0).to_bytes(0, "big"), (255).to_bytes(1, "big"), (2 ** 64 - 1).to_bytes(8, "big"), (2 ** 63).to_bytes(9, "big", signed=True))

# sys.set_int_max_str_digits: CPython's limit on decimal digits, raised, lowered and lifted.
import sys, math, json, time
print(sys.get_int_max_str_digits())
for bad in (1, 639, -1):
    try:
        sys.set_int_max_str_digits(bad)
    except ValueError as e:
        print("ValueError", e)
sys.set_int_max_str_digits(640)
try:
    str(10 ** 700)
except ValueError as e:
    print("ValueError", e)
try:
    int("7" * 641)
except ValueError as e:
    print("ValueError", e)
print(len(str(10 ** 639)))
sys.set_int_max_str_digits(0)
print(sys.get_int_max_str_digits(), len(str(10 ** 5000)), len(str(math.factorial(20000))), int("9" * 10000) % 1000)
print(json.loads("1" * 5000) % 97)
sys.set_int_max_str_digits(maxdigits=5000)
print(sys.get_int_max_str_digits(), len(str(10 ** 4999)))
try:
    str(10 ** 5000)
except ValueError as e:
    print("ValueError", e)
