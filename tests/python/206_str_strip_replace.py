# strip/lstrip/rstrip with and without chars, replace with count, removeprefix/removesuffix
s = "   padded text \t\n"
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "xyhiyx".strip("xy"), "www.example.com".lstrip("w."), "file.txt.bak".rstrip(".bak"))
print("###title###".lstrip("#"), "123abc321".strip("0123456789"))
print("aaa".replace("a", "b"), "aaa".replace("a", "b", 2), "hello".replace("l", ""), "x".replace("", "-"))
print("banana".replace("na", "NA"), "spam spam spam".replace("spam", "eggs", 1))
print("prefix_name".removeprefix("prefix_"), "name.py".removesuffix(".py"), "abc".removeprefix("z"))
print(repr("".strip()), repr("  ".strip()), "abc".strip(""))
msg = "  Hello, World!  "
print(msg.strip().lower().replace("world", "python").replace(",", ""))
