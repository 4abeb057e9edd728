# KeyError and IndexError messages for lists, tuples, strings, dicts and ranges
tests = [
    lambda: [1, 2, 3][3],
    lambda: [][-1],
    lambda: (1,)[5],
    lambda: "abc"[10],
    lambda: range(3)[3],
    lambda: {"a": 1}["b"],
    lambda: {1: "x"}[2],
    lambda: {(1, 2): 0}[(3, 4)],
    lambda: {}[None],
    lambda: {"k": 1}[""],
    lambda: [].pop(),
    lambda: [1].pop(3),
]
for fn in tests:
    try:
        fn()
    except LookupError as e:
        print(type(e).__name__, "|", str(e), "|", repr(e), "|", e.args)
lst = [1, 2, 3]
try:
    lst[10] = 5
except IndexError as e:
    print("assignment:", e)
try:
    del lst[7]
except IndexError as e:
    print("del:", e)
try:
    text = "abc"
    text["x"]
except TypeError as e:
    print("TypeError:", e)
try:
    pair = [1, 2]
    pair[1.0]
except TypeError as e:
    print("TypeError:", e)
