# `local op local` and `local op constant` are read in place (Expr::BinLocal / CompareLocal):
# every edge of those paths must still behave as CPython's general ones.
import math


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        return Money(self.cents + (other.cents if isinstance(other, Money) else other))

    def __lt__(self, other):
        return self.cents < (other.cents if isinstance(other, Money) else other)

    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents

    def __repr__(self):
        return f"Money({self.cents})"


def arithmetic():
    big = 2**40
    print(big + 1, big * 2, -big - 2)
    n = -7
    print(n // 2, n % 3, n - 1, n * n)
    x = 2.5
    print(x + 1, x - 1, x * 2, x / 2, x // 1, x % 2)
    s = "ab"
    t = "cd"
    print(s + t, s * 3)
    m = Money(5)
    print(m + 7, m + m)
    flag = True
    print(flag + 1, flag - True)


def comparisons():
    a, b = 3, 3.0
    print(a < 4, a <= 3, a == b, a != b, a > 2.5, a >= 4)
    nan = math.nan
    print(nan < 1, nan == nan, nan != nan)
    s = "apple"
    print(s < "banana", s == "apple", s > "Apple")
    m = Money(10)
    print(m < 20, m < Money(5), m == Money(10), m != Money(10))
    none = None
    print(none is None, none is not None, none == 0)
    xs = [1, 2]
    print(xs == [1, 2], xs < [1, 3])
    if a < 10:
        print("condition on a local and a constant")
    i = 0
    while i < 3:
        i = i + 1
    print("counted to", i)


def errors():
    try:
        print(count - 1)
        count = 0
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    try:
        later = None
        print(later < 1)
    except TypeError as e:
        print("TypeError:", e)
    try:
        word = "x"
        print(word + 1)
    except TypeError as e:
        print("TypeError:", e)
    try:
        d = 0
        print(10 // d)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    try:
        k = 5
        print(k % 0)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)


arithmetic()
comparisons()
errors()
