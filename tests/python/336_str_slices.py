# Indexing and slicing text, ASCII and not: every start and stop from -8 to 8 (and None) with
# each step, and every index, on strings of one-byte, two-byte, three-byte and four-byte
# characters. The engine reads ASCII text by bytes and other text by characters.
texts = ["", "a", "hello", "héllo wörld", "日本語テキスト", "a😀b", "tab\there"]
bounds = [None] + list(range(-8, 9))
for t in texts:
    for step in [None, 1, 2, -1, -2, 3]:
        cuts = [t[a:b:step] for a in bounds for b in bounds]
        print(repr(t), step, "|".join(cuts))
    items = []
    for i in range(-9, 10):
        try:
            items.append(t[i])
        except IndexError as e:
            items.append(f"<{e}>")
    print(repr(t), "index", items)
big = "xyz" * 1000 + "é"
print(big[2995:], big[-3:-1], big[::-997], len(big[1:-1]))
print("abc"[True], "abc"[False:True], "abc"[1:2:1], "abc"[5:1], "abc"[-100:100])


class Half:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n // 2


print("abcdefgh"[Half(4):Half(12)], "naïveté"[Half(2):Half(10):Half(2)])
