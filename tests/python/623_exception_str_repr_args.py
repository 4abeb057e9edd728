# for errors caught in the wild, print type(e).__name__, str(e), repr(e) and e.args
import json

def attempts():
    yield lambda: int("x")
    yield lambda: {}["k"]
    yield lambda: [][0]
    yield lambda: 1 / 0
    yield lambda: None.x
    yield lambda: json.loads("")
    yield lambda: "a" + 1
    yield lambda: float("nan!")
    yield lambda: [1, 2].index(5)
    yield lambda: next(iter([]))

for fn in attempts():
    try:
        fn()
    except Exception as e:
        print(type(e).__name__)
        print("   str :", str(e))
        print("   repr:", repr(e))
        print("   args:", e.args)
