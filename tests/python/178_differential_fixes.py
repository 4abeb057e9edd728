# Differences a differential run against CPython found: rsplit/split with maxsplit keep the rest's far whitespace, sequences repeat by a bool, 'can't multiply sequence' for a non-int on either side and in place, round(bool, n), max compares item > best, slices are unhashable (3.11)
print('x y '.split(None, 1), ' x y '.rsplit(None, 1), 'x y '.split(None, 5), ' a  b  c '.rsplit(None, 1), ' a  b  c '.rsplit(maxsplit=2), 'a b'.rsplit(None,0), ' a b '.split(None,0), ' a b '.rsplit(None,0), ''.split(None,0), '   '.rsplit(None, 1), 'ab\u3000cd  ef'.rsplit(None, 1), 'x  y'.split(maxsplit=1))
print(' a b c '.split(), ' a b c '.rsplit(), 'a\tb\nc'.split(None, -1), 'é ü  ö'.rsplit(None, 1))
class V:
    def __init__(self, n): self.n = n
    def __gt__(self, o): print("gt", self.n, o.n); return self.n > o.n
    def __lt__(self, o): print("lt", self.n, o.n); return self.n < o.n
    def __repr__(self): return f"V({self.n})"
print(max([V(1), V(3), V(2)]), min([V(1), V(3), V(2)]))
for f in (lambda: max([1, [2, 3]]), lambda: min([1, [2]]), lambda: -0.0 * 'ABC', lambda: 2.5 * [1], lambda: {'x': 1} * [],
          lambda: [1, 2] * True, lambda: False * (1, 2), lambda: round(True, 2), lambda: 'ab' * 2.0, lambda: [1] * [2],
          lambda: range(3) * 'a', lambda: b'ab' * 1.5, lambda: 1.5 * b'ab', lambda: None * 'x'):
    try:
        print(repr(f()))
    except TypeError as e:
        print("TypeError:", e)
s = [1]
try:
    s *= 1.5
except TypeError as e:
    print("TypeError:", e)
try:
    print({1: 'a', 2: 'b'}[1:])
except TypeError as e:
    print('TypeError:', e)
print(hash(slice(1)) if False else 'ok', {slice(1, 2)} if False else 'ok')
