# dict insertion order: updates keep position, deletion and re-insertion moves to end
d = {}
d["banana"] = 3
d["apple"] = 1
d["cherry"] = 2
print(d, list(d))
d["apple"] = 10
print(d)
del d["banana"]
d["banana"] = 5
print(d)
d.update({"date": 4, "apple": 0})
print(d)
print(d.pop("cherry"), d)
d.setdefault("elder", 9)
d.setdefault("apple", 99)
print(d)
print(list(d.keys()), list(d.values()), list(d.items()))
print({k: v for k, v in sorted(d.items(), key=lambda kv: kv[1])})
print(d.popitem(), d)
print(dict.fromkeys("abc", 0))
counts = {}
for word in "the cat and the hat and the bat".split():
    counts[word] = counts.get(word, 0) + 1
print(counts)
print(max(counts, key=counts.get))
