# re: match, search, fullmatch, findall and finditer on tutorial inputs (numbers, words,
# emails, URLs), Match reprs and truthiness, module functions and compiled patterns alike
import re

text = "Order #1234 shipped on 2024-03-15 to ana@example.com; 3 items, total $59.90."
print(re.match(r"Order", text))
print(re.match(r"shipped", text))
print(re.search(r"shipped", text))
print(re.search(r"\d+", text).group())
print(re.findall(r"\d+", text))
print(re.findall(r"\d+\.\d+", text))
print(re.findall(r"[\w.]+@[\w.]+\.\w+", text))
print(re.findall(r"\b[a-z]{5,}\b", text))
print(re.findall(r"(\d{4})-(\d\d)-(\d\d)", text))
print(re.fullmatch(r"\d{4}", "2024"), re.fullmatch(r"\d{4}", "20245"))

emails = "Contact bob.smith@mail.org, alice_99@uni.edu or admin@site.co.uk (not bad@, @nope)"
for m in re.finditer(r"([\w.]+)@([\w-]+(?:\.[\w-]+)+)", emails):
    print(m.span(), m.group(1), "at", m.group(2))

html = '<a href="https://example.com/docs">Docs</a> <a href="http://test.org/a?b=1">T</a>'
print(re.findall(r'href="(https?://[^"]+)"', html))
print(re.findall(r"https?://([^/\"]+)", html))
print(re.findall(r"<a [^>]*>(.*?)</a>", html))
print(re.findall(r"<.*>", "<b>bold</b>"), re.findall(r"<.*?>", "<b>bold</b>"))

words = re.compile(r"[A-Za-z']+")
print(words.findall("It's a dog's life, isn't it?"))
print(len(words.findall("one two  three\nfour")))
print(words.search("123 abc 456", 5))
print(words.match("123 abc", 4))
print(words.search("abcdef", 1, 3))

if re.search(r"\btotal\b", text):
    print("has a total")
if not re.match(r"\d", text):
    print("does not start with a digit")
print(bool(re.search("xyz", text)), re.search("xyz", text))

print(re.findall(r"colou?r", "color colour colr"))
print(re.findall(r"\d{2,3}", "1 12 123 1234 12345"))
print(re.findall(r"\d{2,3}?", "12345"))
print(re.findall(r"a*", "baaac"))
print(re.findall(r"^\s*$", ""), re.findall(r"x*", ""))
print(re.findall(r"[^aeiou\W\d]+", "rhythm and blues 2"))
print(re.findall(r"\w+", "naïve café, señor: 42"))
print(re.findall(r"\w+", "naïve café, señor: 42", re.ASCII))
print(re.findall(r"\d", "٣ apples and 4 pears"), re.findall(r"\s", "a\tb\u00a0c"))
print([m.group() for m in re.finditer(r"\b\w", "the quick brown fox")])
print(re.findall(r"(?<=\$)\d+(?:\.\d\d)?", "cost $5, $12.50 or 7 dollars"))
print(re.findall(r"\b\d+\b(?!%)", "50% of 80 is 40"))
print(re.findall(r"(?<![\w.])-?\d+", "x=-3, y=12, v1.5"))
