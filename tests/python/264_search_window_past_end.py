# A search whose start lies past its end, or past the string, finds nothing, not even the
# empty string: CPython clamps the end to the length but not the start.
s = "abc"
for start, end in [(3, None), (4, None), (2, 1), (5, 1), (-10, None), (-10, -9), (3, 3), (1, 10)]:
    print(
        start,
        end,
        s.count("", start, end),
        s.find("", start, end),
        s.rfind("", start, end),
        s.startswith("", start, end),
        s.endswith("", start, end),
        s.startswith(("x", ""), start, end),
        s.count("b", start, end),
        s.find("c", start, end),
    )
for start in [4, 2**40]:
    try:
        s.index("", start)
    except ValueError as e:
        print(start, "ValueError", e)
print("abc".rindex("", 1, 3), "abc".index("c", -1))
