# A __repr__ that recurses (returns repr(self)) ends in RecursionError with CPython's words and
# depth: a call of a one-argument builtin (repr) counts as a level of its own, the repr itself
# another; "%r" and "!r" reach __repr__ through the repr only.
class Loop:
    def __repr__(self):
        return repr(self)


class Percent:
    def __repr__(self):
        return "P(%r)" % (self,)


class Fstring:
    def __repr__(self):
        return f"{self!r}"


class Counted:
    levels = 0

    def __repr__(self):
        Counted.levels += 1
        return repr(self)


for cls in (Loop, Percent, Fstring):
    try:
        repr(cls())
    except RecursionError as e:
        print(cls.__name__, e)

try:
    repr(Counted())
except RecursionError as e:
    print("levels", Counted.levels, e)

repr(Loop())
