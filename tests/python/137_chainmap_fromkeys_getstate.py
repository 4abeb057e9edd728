# collections.ChainMap (lookups in order, writes to the first map, new_child, parents),
# fromkeys of OrderedDict and defaultdict, and random.getstate/setstate replaying a sequence.
import random
from collections import ChainMap, OrderedDict, defaultdict, Counter

defaults = {"color": "red", "user": "guest", "size": 1}
env = {"user": "admin"}
cli = {"size": 3}
config = ChainMap(cli, env, defaults)
print(config["user"], config["size"], config["color"], config.get("missing", "-"))
print(list(config), len(config), "color" in config, "x" in config)
print(config)
print(dict(config.items()), list(config.values()))
child = config.new_child({"color": "blue"})
print(child["color"], child.parents["color"], child.maps[0])
child["size"] = 10
print(child.maps[0], cli)
del child["size"]
try:
    del child["user"]
except KeyError as e:
    print("KeyError:", e)
print(config == {"color": "red", "user": "admin", "size": 3}, bool(ChainMap()), bool(ChainMap({}, {"a": 1})))
print(ChainMap.fromkeys("ab", 0))
print(config.pop("size"), cli)

od = OrderedDict.fromkeys(["b", "a", "c"])
print(od)
od2 = OrderedDict.fromkeys("xy", 0)
od2.move_to_end("x")
print(od2, list(od2.keys()))
dd = defaultdict.fromkeys([1, 2], "v")
print(dict(dd), dd.default_factory)
try:
    Counter.fromkeys("ab")
except NotImplementedError as e:
    print("NotImplementedError:", e)

random.seed(7)
state = random.getstate()
first = [random.randint(1, 100) for _ in range(5)]
random.setstate(state)
again = [random.randint(1, 100) for _ in range(5)]
print(first, first == again)
rng = random.Random(3)
s = rng.getstate()
a = rng.random()
rng.setstate(s)
print(a == rng.random(), round(a, 6))
