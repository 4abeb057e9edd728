# json.dumps/json.dump take collections' dict subclasses (OrderedDict, defaultdict, Counter, a
# program's subclass of one) as dicts and namedtuples as lists, as CPython's encoder does.
import json
import sys
from collections import Counter, OrderedDict, defaultdict, namedtuple

print(json.dumps(OrderedDict(a=1)))
print(json.dumps(defaultdict(int, b=2)))
print(json.dumps(Counter("aab")))
od = OrderedDict([("z", 1), ("a", [1, 2])])
od.move_to_end("z")
print(json.dumps(od), json.dumps(od, sort_keys=True))
print(json.dumps({"counts": Counter(["x", "y", "x"]), "groups": defaultdict(list, {"g": [1]})}, indent=2))
Point = namedtuple("Point", "x y")
print(json.dumps([Point(1, 2), {"p": Point(3, 4)}]))


class Settings(OrderedDict):
    pass


s = Settings(debug=True, level=3)
print(json.dumps(s, separators=(",", ":")))
json.dump(Counter({"ok": 3, "err": 1}), sys.stdout)
print()
print(json.loads(json.dumps(OrderedDict(k=[1, {"n": None}]))))
nested = OrderedDict()
nested["self"] = nested
try:
    json.dumps(nested)
except ValueError as e:
    print("ValueError:", e)
try:
    json.dumps(Counter({(1, 2): 1}))
except TypeError as e:
    print("TypeError:", e)
