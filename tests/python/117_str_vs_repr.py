# str() vs repr() of user objects inside containers, f-string conversions, print fallbacks
class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"

class OnlyStr:
    def __init__(self, n):
        self.n = n
    def __str__(self):
        return f"OnlyStr #{self.n}"
    def __repr__(self):
        return f"<OnlyStr {self.n}>"

class Both:
    def __str__(self):
        return "str of Both"
    def __repr__(self):
        return "repr of Both"

o, s, b = OnlyRepr(), OnlyStr(1), Both()
print(o, s, b)
print([o, s, b])
print(str(o), repr(s), f"{b}", f"{b!r}", f"{b!s}")
print({"k": s}, (b,))
print("%s and %r" % (b, b))
print("{} and {!r}".format(s, s))
print(str([1, "a"]), repr([1, "a"]), str("a"), repr("a"))
