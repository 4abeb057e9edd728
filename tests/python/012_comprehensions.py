# list / dict / set comprehensions, nested loops, conditions, generator expressions
squares = [n * n for n in range(10)]
print(squares)
evens = [n for n in range(20) if n % 2 == 0 if n % 3 != 0]
print(evens)
pairs = [(x, y) for x in range(3) for y in range(x)]
print(pairs)
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print(matrix)
transposed = [[row[i] for row in matrix] for i in range(3)]
print(transposed)
flat = [v for row in matrix for v in row]
print(flat)
word_lengths = {w: len(w) for w in ["apple", "fig", "banana"]}
print(word_lengths)
inverted = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inverted)
mods = {n % 4 for n in range(10)}
print(sorted(mods), len(mods))
print(sum(n for n in range(101)))
print(max(len(w) for w in ["hi", "hello", "hey"]))
labels = ["even" if n % 2 == 0 else "odd" for n in range(5)]
print(labels)
gen = (c.upper() for c in "abc")
print(next(gen), list(gen), list(gen))
x = "outer"
result = [x for x in range(3)]
print(x, result)
