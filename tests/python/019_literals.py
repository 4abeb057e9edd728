# literals of all kinds: ints in bases, underscores, floats, strings, escapes, bytes, containers
print(42, 0x2A, 0o52, 0b101010, 1_000_000, 0xFF_FF)
print(3.14, 1e3, 1E-3, 2.5e-7, 1_000.5, .5, 5., 0.0)
print("double", 'single', """triple "quoted" """, '''another''')
print("escapes: tab[\t] newline[\\n] quote[\"] backslash[\\]")
print("unicode: \u00e9 \u4e2d \U0001F600", len("\u4e2d"))
print(r"raw \n stays", len(r"\n"), len("\n"))
print("implicit" " concatenation")
print(len(b"bytes"), b"abc"[0], list(b"hi"))
print(None, True, False, type(None).__name__)
print([], [1], (), (1,), {}, {"a": 1}, [1, [2, [3]]])
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\there"))
print(repr("\x00\x7f"), repr("é"), repr("line\nbreak"))
s = """line one
line two"""
print(s.splitlines())
print(0 == -0, 1_0 == 10, 0o7 + 0b1 + 0x1)
