# string operators: + * in comparisons, indexing, immutability, iteration, ord-based ordering
s = "Python"
print(s + "ista", s * 3, "-" * 10, 3 * "ab", "" * 5)
print("th" in s, "TH" in s, "" in s, s < "python", "apple" < "banana", "Z" < "a", "abc" < "abd")
print(s[0], s[-1], s[1:4], len(s), s.upper()[::-1])
try:
    s[0] = "J"
except TypeError as e:
    print("TypeError:", e)
print("J" + s[1:])
for i, ch in enumerate("abc"):
    print(i, ch, end=" | ")
print()
vowels = sum(1 for ch in "programming language" if ch in "aeiou")
print("vowels:", vowels)
print("a" * 0 == "", "ab" == "a" + "b", "abc" != "ABC", "10" < "9", max("apple", "Apple"))
words = "to be or not to be".split()
print(len(words), len(set(words)), " ".join(w.capitalize() for w in words))
print(str(123)[::-1], "racecar" == "racecar"[::-1], "12" + "3", int("12") + 3)
