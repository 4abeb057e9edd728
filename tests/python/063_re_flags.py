# re: flags IGNORECASE, MULTILINE, DOTALL, VERBOSE, ASCII as arguments and inline ((?i), scoped
# (?i:...)), anchors ^ $ \A \Z \b \B, lookaround, lazy and bounded repeats, atomic groups
import re

print(re.findall(r"cat", "Cat cAT cat", re.I), re.findall(r"(?i)cat", "Cat cAT cat"))
print(re.findall(r"[a-c]+", "ABC abc", re.IGNORECASE), re.match(r"straße", "STRASSE", re.I))
print(re.match(r"é", "É", re.I), re.match(r"(?i:a)b", "Ab"), re.match(r"(?i:a)b", "AB"))

lines = "first line\nsecond line\nthird"
print(re.findall(r"^\w+", lines), re.findall(r"^\w+", lines, re.M))
print(re.findall(r"\w+$", lines), re.findall(r"\w+$", lines, re.MULTILINE))
print(re.findall(r"(?m)^s.*$", lines), re.findall(r"\A\w+|\w+\Z", lines))
print(re.findall(r"$", "a\nb\n"), re.findall(r"(?m)$", "a\nb\n"))
print(re.search(r"line.third", lines), re.search(r"line.third", lines, re.S))
print(re.search(r"(?s)<p>(.*)</p>", "<p>a\nb</p>").group(1).split())

phone = re.compile(r"""
    \(?(\d{3})\)?   # area code
    [\s.-]?         # separator
    (\d{3})         # exchange
    [\s.-]?
    (\d{4})         # line
""", re.VERBOSE)
for s in ["(555) 123-4567", "555.123.4567", "5551234567", "55-1234"]:
    m = phone.search(s)
    print(s, "->", m.groups() if m else None)
print(re.findall(r"(?x) \d+ [ ] \w+  # count and word", "3 cats, 12 dogs"))

print(re.findall(r"\bis\b", "this is it"), re.findall(r"\Bis\b", "this is it"))
print(re.findall(r"\w+(?=!)", "hi! there. wow!"), re.findall(r"\b\w+\b(?!\.)", "a. b c."))
print(re.findall(r"(?<=@)\w+", "x@home y@work"), re.findall(r"(?<!-)\b\d+", "-5 6 -7 8"))
print(re.findall(r"(?=(\w\w))", "abcd"), re.search(r"(?<=ab|cd)e", "cde"))
print(re.findall(r"a{2}", "aaaaa"), re.findall(r"a{2,}", "a aa aaaa"), re.findall(r"a{,2}", "aaa"))
print(re.findall(r"a+?", "aaa"), re.findall(r"a*?b", "aab b"), re.findall(r"a{1,3}?", "aaaa"))
print(re.findall(r"<(\w+)>.*?</\1>", "<b>x</b><i>y</i><u>z</i>"))
print(re.match(r"(?>a+)b", "aaab"), re.match(r"(?>a|ab)c", "abc"), re.match(r"a++b", "aab"))
print(re.findall(r"\w+", "é ü", re.A), re.findall(r"(?a)\w+", "héllo"), re.findall(r"\s", "a\u2003b", re.A))
print(int(re.I), int(re.M | re.S), re.X + 0, int(re.A), re.IGNORECASE == re.I, re.I == 2)
print(re.compile(r"(?i)x").flags, re.compile(r"(?x) x").flags, re.compile("x", re.A).flags)
