# find/rfind/index/rindex/count, startswith/endswith with tuples and ranges, in
s = "the cat sat on the mat"
print(s.find("at"), s.rfind("at"), s.find("dog"), s.find("at", 6), s.find("at", 6, 8))
print(s.index("sat"), s.rindex("the"), s.count("at"), s.count("t"), s.count(""), "aaaa".count("aa"))
print(s.startswith("the"), s.startswith(("a", "t")), s.endswith("mat"), s.endswith(("cat", "dog")))
print(s.startswith("cat", 4), s.endswith("sat", 0, 11), "cat" in s, "dog" not in s)
try:
    s.index("dog")
except ValueError as e:
    print("ValueError:", e)
files = ["a.py", "b.txt", "c.PY", "d.rs"]
print([f for f in files if f.lower().endswith((".py", ".rs"))])
text = "Mississippi"
positions = []
i = text.find("ss")
while i != -1:
    positions.append(i)
    i = text.find("ss", i + 1)
print(positions, text.count("ss"), text.count("i", 5))
print("".find(""), "abc".find(""), "abc".rfind(""))
