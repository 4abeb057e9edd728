# re's flags are RegexFlag members: they print by name (re.IGNORECASE, combined
# re.IGNORECASE|re.MULTILINE), combine with | & ^ ~ into flags, and still work as ints (flags=,
# arithmetic, comparisons, dict keys, json); Pattern reprs name them; Pattern.flags is an int.
import json
import re
from re import IGNORECASE, RegexFlag

print(re.I, repr(re.M), str(re.S), f"{re.X}", "%s %r %d" % (re.A, re.U, re.I), re.NOFLAG)
print(re.I | re.M, re.M | re.I, re.A | re.I, re.I | re.M | re.S | re.X, repr(re.I | re.M))
print(~re.I, re.I & re.M, re.I ^ re.I, (re.I | re.M) & re.M, re.I | 8, 8 | re.I, re.I | 1024)
print(type(re.I), RegexFlag, type(re.I | re.M) is RegexFlag, IGNORECASE is re.I, re.I is re.IGNORECASE)
print(re.I == 2, re.I + re.M, re.I * 3, int(re.I), f"{re.I:d} {re.M:>4} {re.S:x}", isinstance(re.I, int))
print(re.I < re.M, sorted([re.S, re.I, re.M]), max(re.I, re.M), {re.I: "i"}[2], [0, 1, 2][re.I])
print(re.I.name, (re.I | re.M).name, re.I.value, re.NOFLAG.name, bool(re.NOFLAG), re.I in re.I | re.M)
print(len(re.I | re.M), list(re.I | re.M), RegexFlag(10), RegexFlag(0), RegexFlag(2) is re.I, len(RegexFlag))
print(list(RegexFlag)[:4], json.dumps({"flags": re.I | re.M}), hash(re.I) == hash(2))

for flags in [0, re.I, re.I | re.M, re.S | re.X, re.A, re.I | re.A, 1024]:
    p = re.compile("a.b", flags)
    print(repr(p), p.flags, type(p.flags).__name__)
print(repr(re.compile("(?im)x")), repr(re.compile("x", re.U)), re.compile("x", re.I) is re.compile("x", 2))
print(re.findall("ab", "AB ab Ab", re.I), re.findall("^b", "a\nb", flags=re.M), re.sub("x", "y", "X", flags=re.I))
print(re.search("a.b", "A\nB", re.I | re.S), re.split("x", "1X2x3", flags=IGNORECASE))

for bad in [lambda: RegexFlag("x"), lambda: 2 in re.I, lambda: re.compile("a", re.L)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
