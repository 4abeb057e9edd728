# Big ints through the standard library: copy, statistics, functools, itertools, operator,
# collections, dataclasses, IntEnum, sorting and %-formatting.
import copy, statistics, functools, itertools, operator, collections, dataclasses, enum
b = 2 ** 70
print(copy.copy(b), copy.deepcopy([b, {b: b}]), (b) ** 0.5, divmod(b, 2.5), b % 2.5)
print(statistics.mean([b, 2 ** 71]), statistics.median([b, 1, 2 ** 80]), max([1.5, b]), min(b, 1e30))
print(functools.reduce(operator.mul, range(1, 40)), list(itertools.accumulate([b, b, b])))
print(collections.Counter([b, b, 1]), operator.add(b, 1), operator.index(5))
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(150))
@dataclasses.dataclass
class P:
    x: int
print(P(b), P(b) == P(2 ** 70), repr(P(-b)))
class Big(enum.IntEnum):
    A = 1
print(Big.A + b, b + Big.A, b * Big.A)
print(isinstance(b, (int, float)), type(b) is int, int is type(b), b.__class__.__name__)
print(str(b).zfill(30), f"{b!a}", "{0:>30}".format(b), len(str(b)), hash((b, 1)) == hash((2 ** 70, 1)))
print([i for i in range(3)][-1], b.bit_length(), b.to_bytes(16, "big").hex(), (b).__abs__() if hasattr(b, "__abs__") else abs(b))
x = [b, -b, 0, b // 3]
x.sort(reverse=True)
print(x, x.index(b // 3), x.count(b), b in set(x), sum(x), sum(x, 0.0))
print(bytes([1, 2]) * 3, bool(-b), b > True, -b < False)
print("%s %r %5.2f %10.3e" % (b, b, b, -b))
print(int(b), float(b), complex is None if False else "", round(b / 3, 2), b // 3 * 3 + b % 3 == b)
print(2 ** 0.5 * b, b ** 2 // b, pow(b, 3, None), pow(2, 100, None), 10 ** -2, (-2) ** 63, (-2) ** 64, -2 ** 63)
print(9223372036854775807 * 9223372036854775807, -9223372036854775808 * -1, (-9223372036854775808) * (-9223372036854775808))

# A __hash__ returning a big int is reduced as hash(int) is; operator/itertools/enumerate past i64.
import operator, itertools, math
class H:
    def __hash__(self):
        return 2 ** 70
    def __eq__(self, o):
        return True
print(hash(H()), hash(H()) == hash(2 ** 70), len({H(), H()}))
print(operator.index(2 ** 70), list(itertools.islice(itertools.count(2 ** 64), 3)), operator.mul(2 ** 40, 2 ** 40))
print(list(enumerate("ab", 2 ** 62)))
print(math.floor(-(2 ** 70) / 3), math.comb(2 ** 20, 3))
