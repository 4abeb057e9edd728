# re: re.error for bad patterns (CPython's messages, positions, line and column), bad
# replacement templates, bad group references on a Match, and the TypeErrors of wrong arguments
import re

bad = ["(abc", "abc)", "*a", "a**", r"\q", "[abc", "[z-a]", "(?P<1x>a)", r"(a)\2", "a{3,2}",
       "(?<=a+)b", "(?P<n>a)(?P<n>b)", "(?P=nope)", "(?z)", "a|(?i)b", r"(a\1)", "x\\",
       "(?", "(?P<name", "a\n(b", "a{", "^*", r"[\w-z]", r"\x4", "(?#open"]
for pattern in bad:
    try:
        print(repr(pattern), "compiled:", re.compile(pattern))
    except re.error as e:
        print(repr(pattern), type(e).__name__, e, "|", e.msg, e.pos, e.lineno, e.colno)

for repl in [r"\2", r"\g<x>", r"\g<1", r"\q", "\\", r"\g<>", r"\g<a-b>", r"\g"]:
    try:
        print(re.sub(r"(a)", repl, "cat"))
    except (re.error, IndexError) as e:
        print(repr(repl), type(e).__name__, e)

m = re.match(r"(?P<a>x)(y)?", "x")
for g in [3, -1, "b", 1.0]:
    try:
        print(m.group(g))
    except IndexError as e:
        print(g, type(e).__name__, e)
for call in [lambda: re.match("a", None), lambda: re.findall(r"\d", 42), lambda: re.compile(3),
             lambda: re.compile(re.compile("a"), re.I)]:
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

def parse_version(s):
    m = re.fullmatch(r"(\d+)\.(\d+)(?:\.(\d+))?", s)
    if m is None:
        raise ValueError(f"not a version: {s!r}")
    return tuple(int(x) for x in m.groups("0"))

for s in ["3.11", "1.2.3", "v2", "1..2"]:
    try:
        print(s, parse_version(s))
    except ValueError as e:
        print(type(e).__name__, e)
e = re.error("custom", "abc\ndef", 5)
print(e, e.lineno, e.colno, isinstance(e, Exception), issubclass(re.error, Exception))
re.compile("(unclosed")
