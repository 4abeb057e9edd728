# json.loads: nested documents, number types, round-trips, JSONDecodeError messages
import json

text = '{"users": [{"id": 1, "name": "Ada", "score": 9.5, "active": true, "manager": null}], "count": 1}'
data = json.loads(text)
print(data)
print(data["users"][0]["name"], type(data["count"]).__name__, type(data["users"][0]["score"]).__name__)
for t in ["7.0", "1e-05", "1E+3", "-0", "-0.0", "12345678901234567", "0.1", "[1, 2.50, 3e2]"]:
    v = json.loads(t)
    print(t, "->", repr(v), "->", json.dumps(v))
print(json.loads('"\\u00e9\\n"'), json.loads('"\\ud83d\\ude00"'), json.loads("  [ ]  "))
print(json.loads(json.dumps({"k": [1.5, "x", None]})) == {"k": [1.5, "x", None]})
for bad in ["", "{", "[1, 2", "{'single': 1}", "[1,]", "nul", '{"a" 1}', "1 2", "NaN x"]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(f"{bad!r:16} JSONDecodeError: {e} | pos={e.pos} line={e.lineno} col={e.colno}")
print(issubclass(json.JSONDecodeError, ValueError), json.loads("NaN"), json.loads("-Infinity"))
