# Objects with __index__ stand for ints where CPython asks for an index: repeating a sequence,
# indexing a str, sizing bytes, the bounds of tuple.index and str.find. Each __index__ call
# is printed, so extra or missing calls show.
class I:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        print(f"  __index__ -> {self.n!r}")
        return self.n


class Mul(I):
    def __mul__(self, other):
        print("  __mul__")
        return NotImplemented

    def __rmul__(self, other):
        print("  __rmul__")
        return "rmul wins"


class NoMul(I):
    def __rmul__(self, other):
        return NotImplemented


class Bad:
    def __index__(self):
        return "three"


def tr(label, f):
    print(label)
    try:
        print("  =", repr(f()))
    except Exception as e:
        print("  !", type(e).__name__, e)


tr("list * I", lambda: [1, 2] * I(2))
tr("I * list", lambda: I(3) * [0])
tr("str * I", lambda: "ab" * I(3))
tr("I * str", lambda: I(2) * "xy")
tr("tuple * I", lambda: (1,) * I(2))
tr("bytes * I", lambda: b"ab" * I(2))
tr("bytearray * I", lambda: bytearray(b"z") * I(3))
tr("str * I(0)", lambda: "abc" * I(0))
tr("list * I(-1)", lambda: [1] * I(-1))
tr("Mul * list", lambda: Mul(2) * [1])
tr("list * Mul", lambda: [1] * Mul(2))
tr("NoMul rmul gives up", lambda: [7] * NoMul(2))


def inplace():
    s = "ab"
    s *= I(2)
    t = (1, 2)
    t *= I(2)
    L = [3]
    L *= I(2)
    return s, t, L


tr("in place", inplace)
tr("str[I]", lambda: "hello"[I(1)])
tr("str[-I]", lambda: "hello"[I(-1)])
tr("str[I] out of range", lambda: "hello"[I(9)])
tr("str[I:I]", lambda: "hello"[I(1):I(3)])
tr("list[I]", lambda: [10, 20, 30][I(2)])
tr("bytes(I)", lambda: bytes(I(3)))
tr("bytearray(I)", lambda: bytearray(I(2)))
tr("bytes(I(-1))", lambda: bytes(I(-1)))
tr("tuple.index bounds", lambda: (1, 2, 3, 2).index(2, I(2)))
tr("tuple.index both bounds", lambda: (1, 2, 3, 2).index(3, I(-3), I(3)))
tr("tuple.index not in bounds", lambda: (1, 2, 3).index(1, I(1)))
tr("str.find start", lambda: "abcabc".find("c", I(3)))
tr("str.rfind end", lambda: "abcabc".rfind("a", 0, I(3)))
tr("str.count start", lambda: "aaaa".count("a", I(1)))
tr("str.startswith start", lambda: "abc".startswith("b", I(1)))
tr("big __index__", lambda: [1] * I(2**70))
tr("bad __index__", lambda: [1] * Bad())
tr("bad __index__ as str index", lambda: "abc"[Bad()])
tr("no __index__", lambda: [1] * object())
tr("float count", lambda: "ab" * 2.0)

# An empty string is found only where the start is not past the end.
print("abc".find("", 5), "abc".find("", 2, 1), "abc".rfind("", 2, 1), "abc".find("", 3))
print("abc".count("", 5), "abc".count("", 2, 1), "abc".count("", 3), "abc".count("", 1))
print("abc".startswith("", 5), "abc".startswith("", 2, 1), "abc".endswith("", 3), "abc".endswith(("x", ""), 4))
print("abc".index("", 3), "abcabc".index("b", -3), "abc".find("c", -1, 99))
