# sum (start), any, all, abs, divmod, pow (3-arg and negative), hash equality of equal numbers
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([0.1] * 3), sum([[1], [2]], []), sum(()))
print(sum(range(101)), sum(x * x for x in range(4)), sum([True, True, False]))
print(any([0, 0, 1]), any([]), all([1, 2, 3]), all([1, 0]), all([]), any(x > 3 for x in range(5)))
print(abs(-7), abs(7.5), abs(-0.0), abs(True), abs(-9223372036854775807))
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(7.5, 2), divmod(0, 5))
print(pow(2, 10), pow(2, -2), pow(2, 10, 1000), pow(3, 4, 5), pow(-2, 3), pow(2.0, 3), pow(4, 0.5))
print(pow(7, -1, 11), pow(0, 0), 0 ** 0, pow(-8, 1 / 3) == pow(-8, 1 / 3))
print(hash(1) == hash(1.0) == hash(True), hash("a") == hash("a"), hash((1, 2)) == hash((1, 2)))
print(hash(0) == hash(0.0) == hash(False), hash(-1) == hash(-1.0))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
