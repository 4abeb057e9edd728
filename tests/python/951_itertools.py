# itertools: the infinite ones (with islice), the filtering and grouping ones, the
# combinatoric ones, tee, zip_longest; batched is 3.12's, so CPython 3.11 runs the docs' recipe
import itertools
from itertools import (accumulate, chain, combinations, combinations_with_replacement, compress,
                       count, cycle, dropwhile, filterfalse, groupby, islice, pairwise,
                       permutations, product, repeat, starmap, takewhile, tee, zip_longest)

print(list(islice(count(), 5)), list(islice(count(10, 5), 3)), list(islice(count(1.5, 0.5), 3)))
print(list(islice(cycle("ab"), 5)), list(repeat("x", 3)), list(islice(repeat(7), 2)), list(cycle([])))
print(list(zip(count(1), "abc")), list(map(pow, range(4), repeat(2))))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([3, 1, 4, 1, 5], max)),
      list(accumulate([1, 2, 3], lambda a, b: a * b, initial=10)), list(accumulate([])))
print(list(chain("ab", [1, 2], ())), list(chain.from_iterable(["xy", "z"])), list(chain()))
print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])), list(dropwhile(lambda x: x < 5, [1, 4, 6, 3, 8])))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 3, 8])), list(filterfalse(lambda x: x % 2, range(10))),
      list(filterfalse(None, [0, 1, "", "a"])))
print([(k, list(g)) for k, g in groupby("AAAABBBCCDAABBB")], [k for k, g in groupby("aabbc")])
rows = [("fruit", "apple"), ("fruit", "pear"), ("veg", "leek"), ("fruit", "fig")]
for kind, group in groupby(rows, key=lambda r: r[0]):
    print(" ", kind, [name for _, name in group])
groups = groupby("aaabb")
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2))
print(list(islice("ABCDEFG", 2)), list(islice("ABCDEFG", 2, 4)), list(islice("ABCDEFG", 2, None)),
      list(islice("ABCDEFG", 0, None, 2)), list(islice("AB", 5, 1)))
it = iter(range(10))
print(list(islice(it, 0, 5, 3)), next(it))
print(list(pairwise("ABCD")), list(pairwise("A")), list(starmap(pow, [(2, 5), (3, 2)])))
a, b = tee(iter([1, 2, 3]))
print(next(a), next(a), list(b), list(a), len(tee("ab", 3)))
print(list(zip_longest("ABCD", "xy", fillvalue="-")), list(zip_longest([1], [], [2, 3])))
print(list(product("ab", [0, 1])), list(product([0, 1], repeat=2)), list(product()))
print(list(permutations("ABC", 2)), list(permutations(range(3)))[:3], len(list(permutations(range(4)))))
print(list(combinations("ABCD", 2)), list(combinations(range(4), 3)), list(combinations("AB", 3)))
print(list(combinations_with_replacement("ABC", 2)), list(combinations_with_replacement("", 0)))
print(sum(1 for _ in combinations(range(10), 4)), list(permutations("ab", 0)))

batched = getattr(itertools, "batched", None)
if batched is None:  # the docs' recipe, which 3.12 made itertools.batched
    def batched(iterable, n):
        if n < 1:
            raise ValueError("n must be at least one")
        it = iter(iterable)
        while batch := tuple(islice(it, n)):
            yield batch
print(list(batched("ABCDEFG", 3)), list(batched(range(4), 2)), list(batched([], 2)))

for action in [lambda: islice("ab", -1), lambda: islice("ab", -1, 3), lambda: islice("ab", 0, 2, 0),
               lambda: islice("ab"), lambda: permutations("ab", -1), lambda: combinations("ab", "x"),
               lambda: count("a"), lambda: tee([], -1), lambda: product("ab", repeat=-1),
               lambda: cycle(5), lambda: list(chain(5)), lambda: next(batched("ab", 0))]:
    try:
        action()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
