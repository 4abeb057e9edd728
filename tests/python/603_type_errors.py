# TypeError messages CPython gives for common mistakes
def f(x):
    return x

def g(a, b=1, *, c):
    return a

nothing = None
five = 5

class Foo:
    def method(self):
        return 1

tests = [
    lambda: 1 + "a",
    lambda: "a" + 1,
    lambda: [1] + (2,),
    lambda: nothing[0],
    lambda: f(),
    lambda: f(1, 2),
    lambda: f(y=2),
    lambda: g(1),
    lambda: g(1, 2, 3),
    lambda: g(1, c=1, a=2),
    lambda: five(),
    lambda: len(5),
    lambda: iter(5),
    lambda: [x for x in 5],
    lambda: "x" * "y",
    lambda: -"a",
    lambda: 1 < "a",
    lambda: None + 1,
    lambda: {}.get(),
    lambda: Foo().method(1),
    lambda: abs("x"),
    lambda: "abc".join(3),
    lambda: int("5") + [1],
    lambda: "%d" % [1],
    lambda: hash([]),
    lambda: sum([1, "a"]),
    lambda: sorted([3, None]),
    lambda: "ab".startswith(1),
    lambda: f(*1),
    lambda: f(**[1]),
]
for fn in tests:
    try:
        fn()
        print("no error?!")
    except TypeError as e:
        print(e)
