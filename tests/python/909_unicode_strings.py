# non-ASCII text: len, indexing, upper/lower, reversed, encode length, ord, formatting width
words = ["café", "naïve", "Straße", "日本語", "emoji 😀", "Ελληνικά"]
for w in words:
    print(w, len(w), len(w.encode()), w.upper(), w[::-1], w[0], ord(w[-1]))
print(f"[{'日本':>6}] [{'é':^5}] [{'😀':<3}]")
print(sorted(["b", "a", "é", "Z", "ä"]), "é" > "z")
print("ÉCOLE".lower(), "ß".upper(), "élan".title())
print("naïve café".split(), "—".join(["a", "b"]), "Ω" in "ΑΒΓΩ")
print(repr("tab\t😀\x00"), repr("é😀"))
