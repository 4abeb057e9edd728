# re: sub and subn with templates (\1, \g<1>, \g<name>, escapes), function replacements and
# count; split with groups and maxsplit; empty matches as CPython 3.7+ treats them; escape
import re

print(re.sub(r"\s+", " ", "too    many \t spaces\n here"))
print(re.sub(r"(\w+)@(\w+)\.com", r"\2 at \1", "joe@example.com, ann@site.com"))
print(re.sub(r"(?P<first>\w+) (?P<last>\w+)", r"\g<last>, \g<first>", "Ada Lovelace"))
print(re.sub(r"(\d+)", r"<\g<1>0>", "a1 b22"))
print(re.sub(r"(\d)(\d)?", r"[\1|\2]", "1 23"))
print(re.sub(r"-", r"\n", "a-b"), repr(re.sub(r",", r"\t", "x,y")), re.sub("a", r"\\", "bab"))
print(re.sub(r"\.", r"\.", "1.2"), re.sub("x", "\\&", "axb"))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "3 apples and 12 pears"))
print(re.sub(r"\b\w", lambda m: m.group().upper(), "hello big world"))
print(re.sub(r"(?i)python", "Python", "PYTHON python PyThOn", count=2))
print(re.subn(r"o", "0", "foo boo"), re.subn(r"z", "-", "abc"))

def redact(m):
    user, host = m.group(1), m.group(2)
    return user[0] + "***@" + host

print(re.sub(r"([\w.]+)@([\w.]+)", redact, "write to bob@mail.org or eve@x.io"))
temps = "Mon 20C, Tue 25C, Wed 18C"
print(re.sub(r"(\d+)C", lambda m: f"{int(m.group(1)) * 9 / 5 + 32:.0f}F", temps))

print(re.sub("x*", "-", "abxd"), re.sub("", "|", "abc"), re.sub("a|", "-", "bab"))
print(re.subn(r"\b", "|", "hi there"), re.sub(r"(?m)^", "> ", "line1\nline2"))
print(re.sub(r"$", "!", "end\n"), re.sub(r"\s*$", "", "trailing   "))

print(re.split(r"[,;]\s*", "a, b;c,  d"))
print(re.split(r"(,)", "a,b,c"), re.split(r"(,)|(;)", "a,b;c"))
print(re.split(r",", "a,b,c,d", maxsplit=2), re.split(r"\s+", "  lead and trail  "))
print(re.split(r"\W+", "Words, words, words."), re.split(r"(\W+)", "Words, words."))
print(re.split(r"x*", "axbc"), re.split(r"\b", "hi there"), re.split(r"", "abc"))
print(re.split(r"\d", "no digits"), re.split(r"(?:a)(b)?", "xaybz"))
print(re.compile(r"\s*[=:]\s*").split("key = value: more"))

csv_line = 'name: Ada ; age:36;city :London'
print(dict(re.split(r"\s*:\s*", part, 1) for part in re.split(r"\s*;\s*", csv_line)))
print(re.escape("1.5*x+[y]"), re.escape("a-b c#d"), re.escape("über_ok"))
print(re.findall(re.escape("$4.99"), "now $4.99 was $4.999"))
