# __hash__ = None makes instances unhashable (hash(), set members, dict keys), and so does a
# class body defining __eq__ without __hash__ (its __hash__ is None); defining both, or
# inheriting, follows CPython
class Shape:
    __hash__ = None

    def __init__(self, sides):
        self.sides = sides


class P:
    def __init__(self, x):
        self.x = x

    def __eq__(self, other):
        return isinstance(other, P) and self.x == other.x


class Q(P):
    def __hash__(self):
        return hash(self.x)


class R(Q):
    pass


class S(Q):
    def __eq__(self, other):
        return False


class Plain:
    pass


print(P.__hash__, Shape.__hash__, S.__hash__, Q.__hash__ is R.__hash__)
print("__hash__" in P.__dict__, "__hash__" in Plain.__dict__)
for make in (lambda: Shape(3), lambda: P(1), lambda: S(2)):
    obj = make()
    for action in (hash, lambda o: {o}, lambda o: {o: 1}):
        try:
            action(obj)
            print("hashable", type(obj).__name__)
        except TypeError as e:
            print("TypeError:", e)
print(hash(Q(5)) == hash(5), len({Q(1), Q(1), R(2)}), P(1) == P(1), P(1) in [P(1)])
print(isinstance(hash(Plain()), int))
