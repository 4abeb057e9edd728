# Hashing big ints as CPython does (modulo 2**61 - 1), so equal ints and floats are one key.
M = 2 ** 61 - 1
for v in [2 ** 61 - 2, 2 ** 61 - 1, 2 ** 61, 2 ** 62, 2 ** 63, 2 ** 64, 2 ** 70, 2 ** 100, 3 ** 80, M * 5, M * 5 + 1, 10 ** 40]:
    print(hash(v), hash(-v), hash(v) == hash(float(v)) or float(v) != v)
print(hash(-(2 ** 61) + 1), hash(-(M + 1)), hash(-M * 3 - 1))
print(hash(2 ** 70) == hash(float(2 ** 70)), hash(2.0 ** 80) == hash(2 ** 80), hash(1e300) == hash(int(1e300)))
d = {2 ** 70: "a", 2 ** 64: "b", 5: "c"}
print(d[2 ** 70], d[2.0 ** 64], d[5], 2 ** 70 in d, 2 ** 70 + 1 in d, d.get(2.0 ** 70))
d[2.0 ** 70] = "float"
d[2 ** 64 + 1] = "odd"
print(d, len(d))
s = {2 ** 64, 2.0 ** 64, 18446744073709551616, 2 ** 65, 2 ** 65 // 2 * 2}
print(sorted(s), len(s))
print({(2 ** 70, 1): 1}[(2 ** 70, 1)], frozenset([2 ** 80, 2 ** 80]), {2 ** 80} == {2.0 ** 80})
keys = [2 ** k for k in range(60, 70)] + [-(2 ** k) for k in range(60, 70)]
table = {k: i for i, k in enumerate(keys)}
print(all(table[k] == i for i, k in enumerate(keys)), len(table))
print(sorted({2 ** 100 % 97, (2 ** 100) % 97}), list({10 ** 20: 1, 10.0 ** 20: 2}.items()))
counts = {}
for i in range(50):
    key = (i % 5) * 2 ** 70
    counts[key] = counts.get(key, 0) + 1
print(counts)
