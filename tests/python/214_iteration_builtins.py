# enumerate(start), zip (uneven), map, filter, reversed, range forms, iter/next with default
fruits = ["apple", "banana", "cherry"]
for i, f in enumerate(fruits, start=1):
    print(i, f)
print(list(enumerate("ab")), list(enumerate([], 5)))
print(list(zip([1, 2, 3], "abcd", (True, False, None))))
print(list(zip()), list(zip([1, 2])), dict(zip("abc", range(3))))
print(list(map(str.upper, fruits)), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(filter(lambda n: n % 2, range(10))), list(filter(None, [0, 1, "", "a", None, [], [0]])))
print(list(reversed(fruits)), list(reversed(range(5))), "".join(reversed("stressed")))
print(list(range(5)), list(range(2, 8)), list(range(10, 0, -3)), list(range(0)), range(1, 10, 2)[2])
print(len(range(0, 100, 7)), 49 in range(0, 100, 7), range(5)[-1], list(range(5)[1:3]))
it = iter([1, 2])
print(next(it), next(it), next(it, "exhausted"), next(it, None))
m = map(lambda x: x * 2, [1, 2, 3])
print(next(m), list(m), list(m))
squares = map(lambda n: n * n, range(4))
print(sum(squares), sum(squares))
for a, b in zip(range(3), reversed(range(3))):
    print(a, b, end="; ")
print()
