# dict methods: get, setdefault, pop with default, update with kwargs, items/keys/values, in, copy
inventory = {"apples": 3, "pears": 0}
print(inventory.get("apples"), inventory.get("kiwis"), inventory.get("kiwis", 0))
print(inventory.setdefault("plums", 7), inventory.setdefault("apples", 100), inventory)
print(inventory.pop("pears"), inventory.pop("nothing", "default"), inventory)
inventory.update(kiwis=2, apples=4)
inventory.update([("figs", 1)])
print(inventory)
print("figs" in inventory, 1 in inventory, "apples" in inventory.keys(), 4 in inventory.values())
print(len(inventory), sorted(inventory), sum(inventory.values()))
snapshot = inventory.copy()
snapshot["figs"] = 100
print(inventory["figs"], snapshot["figs"])
groups = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(word[0], []).append(word)
print(groups)
try:
    inventory["missing"]
except KeyError as e:
    print("KeyError:", e, repr(e))
try:
    {}.pop("x")
except KeyError as e:
    print("KeyError:", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
merged = {"a": 1} | {"b": 2, "a": 3}
print(merged)
nested = {"user": {"name": "Ada", "tags": ["math"]}}
print(nested["user"]["tags"][0], nested.get("user", {}).get("age", "unknown"))
