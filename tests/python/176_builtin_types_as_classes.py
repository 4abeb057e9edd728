# range, enumerate, zip, map, filter and reversed are classes: isinstance, type(), their reprs and errors
import collections.abc, copy
r = range(2, 10, 3)
print(isinstance(r, range), type(r) is range, range, type(r).__name__, r, list(r))
print(isinstance(enumerate([]), enumerate), zip, map, filter, reversed, type(zip()) is zip)
print(list(enumerate("ab", start=1)), list(zip("ab", [1, 2])), list(map(str, [1, 2])), list(filter(None, [0, 1, 2])), list(reversed([1, 2, 3])))
print(isinstance(r, collections.abc.Sequence), copy.copy(r), callable(range), range.__name__, hash(range) == hash(range))
print(isinstance(reversed([1]), reversed), isinstance(reversed((1,)), reversed))
try:
    range()
except TypeError as e:
    print(e)
try:
    range(1, 2, 0)
except ValueError as e:
    print(e)
try:
    map(str)
except TypeError as e:
    print(e)
try:
    class R(range): pass
except TypeError as e:
    print(e)
print(sorted(map(abs, [-3, 1, -2])), dict(zip("abc", range(3))), sum(map(len, ["ab", "c"])))
print([type(x).__name__ for x in (range(1), enumerate([]), zip(), map(len, []), filter(None, []), reversed([]), reversed(range(2)), reversed("ab"))])
