# upper/lower/title/capitalize/swapcase and the is* predicates
words = ["hello world", "HELLO", "hello", "Hello World", "they're bill's", "123abc", "ǅemal"]
for w in words[:6]:
    print(repr(w), w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase())
tests = ["123", "12.3", "abc", "abc123", "   ", "", "ABC", "Abc", "Title Case", "\t\n", "½", "٣"]
for t in tests:
    print(f"{t!r:14} digit={t.isdigit()!s:5} alpha={t.isalpha()!s:5} alnum={t.isalnum()!s:5} "
          f"space={t.isspace()!s:5} upper={t.isupper()!s:5} lower={t.islower()!s:5} "
          f"title={t.istitle()!s:5} numeric={t.isnumeric()!s:5} decimal={t.isdecimal()}")
print("ß".upper(), "İ".lower() == "i̇", "ǅ".lower(), "Straße".casefold() if False else "Straße".lower())
print("snake_case_name".title(), "x".upper().isupper(), "A1".isupper(), "a1".islower())
print("identifier_1".isidentifier(), "1abc".isidentifier(), "abc".isascii(), "é".isascii())
