# json round trips: tuples become lists, int keys become strings, floats keep their repr
import json

original = {"t": (1, 2), 1: "one", "f": 2.5, "i": 10, "s": "x", "l": [None, True, False]}
text = json.dumps(original)
back = json.loads(text)
print(text)
print(back)
print(back == original, back["t"], back["1"], type(back["f"]).__name__)
for v in [0.1, 1 / 3, 1e16, 1e-7, 123.456, 100.0, -2.5e-8]:
    s = json.dumps(v)
    print(v, s, json.loads(s) == v)
records = [{"id": i, "name": f"user{i}", "score": i * 1.5} for i in range(3)]
print(json.dumps(records, indent=1))
print(json.loads('{"a": 1, "a": 2}'))
