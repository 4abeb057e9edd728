# String building: f-strings, str.join, concatenation, split and a dict of counts.
def build(n):
    parts = []
    for i in range(n):
        parts.append(f"item-{i}:{i * i % 97}")
    text = ",".join(parts)
    s = ""
    for i in range(n // 10):
        s += str(i)
    counts = {}
    for p in text.split(","):
        key = p[-2:]
        counts[key] = counts.get(key, 0) + 1
    return len(text), len(s), len(counts)


print("strings", build(100_000))
