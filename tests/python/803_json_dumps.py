# json.dumps: defaults, indent, sort_keys, separators, ensure_ascii with non-ASCII, special values
import json

doc = {"name": "Zoë", "age": 30, "tags": ["a", "b"], "ok": True, "none": None,
       "ratio": 0.5, "big": 1e16, "small": 1e-05, "seven": 7.0, "nested": {"z": 1, "a": [1, {"b": 2}]}}
print(json.dumps(doc))
print(json.dumps(doc, ensure_ascii=False))
print(json.dumps(doc, sort_keys=True, indent=2))
print(json.dumps(doc["nested"], separators=(",", ":")))
print(json.dumps([1, 2], indent=4))
print(json.dumps({"empty_list": [], "empty_dict": {}}, indent=2))
print(json.dumps("quote \" backslash \\ newline \n tab \t"), json.dumps("中文 😀"))
print(json.dumps((1, 2)), json.dumps({1: "int key", True: "bool key"}), json.dumps(3.0), json.dumps(-0.0))
print(json.dumps(float("inf")), json.dumps(float("nan")))
print(json.dumps({"b": 1, "a": 2}, sort_keys=True, separators=(", ", ": ")), json.dumps(None))
try:
    json.dumps({1, 2})
except TypeError as e:
    print("TypeError:", e)
try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as e:
    print("ValueError:", e)
