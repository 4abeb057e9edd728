# large strings and lists: building with join, repetition, slicing, counting
parts = [str(i) for i in range(10000)]
s = ",".join(parts)
print(len(s), s[:20], s[-20:], s.count(","), s.count("99"))
big = "ab" * 50000
print(len(big), big[-3:], big.find("ba"), big.rfind("ab"), len(big.split("b")))
lines = "\n".join(f"line {i}" for i in range(2000))
print(len(lines.splitlines()), lines.splitlines()[1234])
total = 0
for ch in "x" * 100000:
    total += 1
print(total)
nested = [[i] * 3 for i in range(1000)]
print(sum(sum(row) for row in nested), len(str(nested)))
words = ("alpha beta gamma delta " * 500).split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(counts)
