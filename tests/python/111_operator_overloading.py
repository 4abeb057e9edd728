# dunder methods: arithmetic, comparisons, len, getitem, contains, iter, bool, call, eq/hash
class Vec:
    def __init__(self, *xs):
        self.xs = list(xs)

    def __repr__(self):
        return "Vec(" + ", ".join(str(x) for x in self.xs) + ")"

    def __add__(self, other):
        return Vec(*[a + b for a, b in zip(self.xs, other.xs)])

    def __mul__(self, k):
        return Vec(*[a * k for a in self.xs])

    def __rmul__(self, k):
        return self * k

    def __neg__(self):
        return self * -1

    def __eq__(self, other):
        return isinstance(other, Vec) and self.xs == other.xs

    def __lt__(self, other):
        return sum(self.xs) < sum(other.xs)

    def __len__(self):
        return len(self.xs)

    def __getitem__(self, i):
        return self.xs[i]

    def __contains__(self, v):
        return v in self.xs

    def __iter__(self):
        return iter(self.xs)

    def __bool__(self):
        return any(self.xs)

    def __call__(self, scale):
        return [x * scale for x in self.xs]

    def __hash__(self):
        return hash(tuple(self.xs))

a, b = Vec(1, 2, 3), Vec(4, 5, 6)
print(a + b, a * 2, 3 * a, -a)
print(a == Vec(1, 2, 3), a != b, a < b, b > a, sorted([b, a]))
print(len(a), a[0], a[-1], a[1:], 2 in a, 9 in a)
print(list(a), [x * 10 for x in b], bool(Vec(0, 0)), bool(a))
print(a(10), max(b), sum(a))
print({a: "first", Vec(1, 2, 3): "same key"})
try:
    a + 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    a - b
except TypeError as e:
    print("TypeError:", e)
