# math on integers and sums: gcd, factorial(20), comb, perm, prod, fsum, and math domain errors
import math

print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-4, 6), math.gcd(17, 5), math.gcd(0, 0))
print(math.factorial(0), math.factorial(5), math.factorial(20))
print(math.comb(5, 2), math.comb(10, 0), math.comb(3, 5), math.comb(52, 5), math.perm(5, 2), math.perm(5))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([0.5, 4]), math.prod(range(1, 11)))
print(sum([0.1] * 10), math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), math.fsum([]))
for fn, arg in ((math.sqrt, -1), (math.log, 0), (math.factorial, -1), (math.log, -2.5)):
    try:
        fn(arg)
    except ValueError as e:
        print(fn.__name__, "ValueError:", e)
try:
    math.factorial(2.5)
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
try:
    math.exp(1000)
except OverflowError as e:
    print("OverflowError:", e)
