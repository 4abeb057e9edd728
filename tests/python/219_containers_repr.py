# repr/str of nested containers with quotes, escapes, floats, None, booleans and empty containers
data = {
    "name": "O'Brien",
    "quote": 'He said "hi"',
    "both": "it's \"x\"",
    "nums": [1, 2.0, -3.5, 1e-10],
    "nested": {"empty_list": [], "empty_dict": {}, "tuple": (), "one": (1,)},
    "flags": [True, False, None],
    "newline": "a\nb",
    "backslash": "c:\\path",
    "unicode": "café",
}
print(data)
print(str(data["nums"]), repr(data["name"]), str(data["name"]))
for k, v in data.items():
    print(f"{k}: {v!r}")
print([[]], [{}], [()], {"": ""}, [""], ["'"], ['"'])
print(list(range(3)), [range(3)], (None,), [[1, 2], [3, [4, [5]]]])
