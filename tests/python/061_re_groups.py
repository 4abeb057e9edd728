# re: Match objects: groups by number and name, several at once, defaults, groupdict, spans,
# lastindex/lastgroup, m[i], expand, pos/endpos/string/re, and Pattern attributes and repr
import re

p = re.compile(r"(?P<user>\w+)@(?P<host>[\w.]+)(:(?P<port>\d+))?")
print(p, p.pattern, p.groups, p.groupindex, p.flags)
m = p.search("mail me: root@localhost:8025 today")
print(m)
print(m.group(), m.group(0), m.group(1), m.group("host"), m.group(1, "port", 3))
print(m[0], m["user"], m[4])
print(m.groups(), m.groupdict())
print(m.start(), m.end(), m.span(), m.span("port"), m.start(2), m.end("user"))
print(m.lastindex, m.lastgroup, m.pos, m.endpos, m.string, m.re is p)
print(m.expand(r"\g<host> (\1) port=\g<port>\n"), m.expand(r"[\4]"))

m = p.match("guest@example.org")
print(m.groups(), m.groups("-"), m.groupdict(), m.groupdict("none"))
print(m.span(3), m.start("port"), m.group(3), m.lastindex, m.lastgroup)

for bad in [5, "nope", -1]:
    try:
        m.group(bad)
    except IndexError as e:
        print(type(e).__name__, e)

print(re.match(r"(a)(b)?(c)", "ac").lastindex, re.match(r"((a)b)", "ab").lastindex)
print(re.match(r"(a)|(b)", "b").groups(), re.match(r"(?:(a)|b)+", "ab").groups())
print(re.match(r"(\w)(\w)?", "x").group(1, 2), re.match(r"x", "x").lastindex)
print(re.match(r"(a*)*", "b").groups(), re.match(r"(a|ab)(c|bcd)(d*)", "abcd").groups())
print(re.match(r"(a+?)(a*)", "aaa").groups(), re.match(r"(a+)(a+)", "aaaa").groups())

print(re.search(r"(\w+) \1", "it is is fine"), re.search(r"(?P<w>\w+) (?P=w)", "a b b c"))
print(re.search(r"(?i)(\w)\1", "xAa"), re.findall(r"\b(\w+)\s+\1\b", "the the cat sat sat"))

date = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
for s in ["2024-01-15", "15/01/2024", "x 1999-12-31 y"]:
    m = date.search(s)
    if m:
        year, month, day = m.groups()
        print(s, "->", f"{day}.{month}.{year}", m.span())
    else:
        print(s, "-> no date")

print(re.match(r"abc", "abcdef"), re.search(r"\w{30}", "x" * 60))
print(repr(re.search(r"\n", "a\nb")), re.search("é+", "caféé!"))
print(re.compile(r"\d+", re.I | re.M), re.compile("a", re.S | re.X | re.A))
print(re.compile("it's"), re.compile(r'"q"'), re.compile(""))
print(type(m).__name__, type(date).__name__, isinstance(m, re.Match), isinstance(date, re.Pattern))
