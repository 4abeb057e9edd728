# re on long and awkward inputs: a long text searched many times, long repeats and
# alternations, many groups, deeply nested groups, empty-match loops, and patterns whose
# backtracking CPython handles quickly (so the engine must too)
import re

text = "".join(f"item{i}={i * 7 % 100} " for i in range(3000))
print(len(text), len(re.findall(r"\d+", text)), re.findall(r"item(\d+)=(\d+)", text)[-2:])
print(len(re.sub(r"\s+", "_", text)), re.subn(r"=(\d)\b", r"=0\1", text)[1])
print(len(re.split(r" ", text)), re.search(r"item2999=\d+", text).span())
print(sum(int(m.group(1)) for m in re.finditer(r"=(\d+)", text)))

long_a = "a" * 50000
print(re.match(r"(?:a|b)*", long_a).end(), re.match(r"(a)*", long_a).span(1))
print(re.match(r"a*a*a*a*b?", long_a).end(), re.fullmatch(r"(?:aa)+", long_a) is not None)
print(re.search(r"a{3}b", long_a), re.search(r"(?<=a)$", long_a).start())
print(len(re.findall(r"a{7}", long_a)), len(re.findall(r"", "x" * 1000)))
print(re.match(r".*?x", long_a + "x").end(), re.match(r"(.*)(.*)", long_a).span(2))

many = "".join(f"(?P<g{i}>{chr(97 + i % 26)})" for i in range(90))
m = re.match(many, "".join(chr(97 + i % 26) for i in range(90)))
print(m.lastindex, m.lastgroup, m.group(90), len(m.groups()), m.expand(r"\g<g0>\90\g<89>"))
deep = "(" * 60 + "x" + ")" * 60
m = re.match(deep, "x")
print(m.groups().count("x"), m.lastindex, m.span(60))
print(re.match(r"(?:(?:(?:a*)*)*)*b", "aaab"), re.match(r"(a?)+?b", "aab").groups())
print(re.match(r"(\w+\s?)+$", "the quick brown fox jumps over the lazy dog").group(1))
print(re.match(r"(x+x+)+y", "x" * 12 + "y").span(), re.search(r"(.*)+y", "ab"))
print(re.sub(r"(a|b|c|d|e)+", "<>", "abcde" * 200)[:10], [len(s) for s in re.findall(r"[a-e]{999,}", "abcde" * 200)])
words = re.findall(r"\b\w+\b", "lorem ipsum dolor sit amet " * 2000)
print(len(words), words[-1], len(set(words)))
