# str.split with/without separator and maxsplit, rsplit, splitlines, join
s = "  the quick  brown\tfox\n jumps  "
print(s.split())
print(s.split(" "))
print("a,b,,c,".split(","))
print("a,b,,c,".split(",", 1))
print("a,b,,c,".split(",", maxsplit=2))
print("a,b,,c,".rsplit(",", 1))
print("a b c d".rsplit(None, 2))
print("".split(), "".split(","), "   ".split(), "x".split(","))
print("key=value=more".split("=", 1), "no-sep".split("="))
print("one::two::three".split("::"))
print("line1\nline2\r\nline3\n".splitlines())
print("line1\nline2\n".splitlines(True))
print("a\n\nb".split("\n"), "a\n\nb".splitlines())
print("-".join(["a", "b", "c"]), "".join(["x", "y"]), ", ".join([]))
print(" ".join(str(n) for n in range(5)))
print("/".join("abc"))
try:
    "+".join([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    "a".split("")
except ValueError as e:
    print("ValueError:", e)
csv = "name,age\nAda,36\nAlan,41"
rows = [line.split(",") for line in csv.splitlines()]
print(rows)
print({r[0]: int(r[1]) for r in rows[1:]})
