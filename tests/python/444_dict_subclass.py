# A class deriving from dict: __missing__, __getattr__/__setattr__ over the items, an
# overridden __setitem__ (which update() and the constructor do not call, as in CPython),
# an __init__ that never calls dict's, dict.__setitem__(self, ...) and dict.__init__(self, ...)
# called on the class, and the dict methods, json.dumps, ** and match.
import asyncio
import json


class Tally(dict):
    def __missing__(self, key):
        return 0


class AttrDict(dict):
    def __getattr__(self, key):
        try:
            return self[key]
        except KeyError:
            raise AttributeError(key) from None

    def __setattr__(self, key, value):
        self[key] = value


class Upper(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key, value.upper())


class Registry(dict):
    def __init__(self, name):
        self.name = name

    def register(self, func):
        self[func.__name__] = func
        return func


t = Tally()
for w in "a b a c a".split():
    t[w] += 1
print(t, t["a"], t["z"], len(t), "z" in t, t.get("z"), isinstance(t, dict), json.dumps(t))
a = AttrDict(x=1, y=2)
a.z = 3
print(a.x, a["y"], a, sorted(a), list(a.items()), a == {"x": 1, "y": 2, "z": 3})
try:
    a.missing
except AttributeError as e:
    print("AttributeError", e)
u = Upper({"i": "init"})
u["k"] = "v"
u.update(m="w")
u.setdefault("n", "x")
print(u, dict(u), u == {"i": "init", "k": "V", "m": "w", "n": "x"}, {**u, "o": 1})

plugins = Registry("plugins")


@plugins.register
def csv_export():
    return "csv"


print(plugins.name, list(plugins), plugins["csv_export"](), plugins.pop("csv_export")(), plugins)
print(Tally.fromkeys("ab", 1), type(Tally.fromkeys("ab")).__name__, type(t.copy()).__name__, t | {"q": 9})
print(list(t.keys()), list(t.values()), t.popitem(), len(t), sorted(t.items()))
match t:
    case {"a": count}:
        print("matched", count)


class Doubling(dict):
    def __init__(self, *args, **kwargs):
        dict.__init__(self, *args, **kwargs)
        self.writes = 0

    def __setitem__(self, key, value):
        self.writes += 1
        dict.__setitem__(self, key, value * 2)

    def __getitem__(self, key):
        return dict.__getitem__(self, key) + 1


dd = Doubling({"a": 1}, b=2)
dd["c"] = 3
print(dd, dd["c"], dd.get("c"), dd.writes, dict.get(dd, "a"), len(dd), dict.__len__(dd))


class Cache(dict):
    async def fetch(self, key):
        if key not in self:
            await asyncio.sleep(0)
            self[key] = key * 2
        return self[key]


async def main():
    cache = Cache()
    print(await asyncio.gather(cache.fetch(1), cache.fetch(2), cache.fetch(1)), cache)


asyncio.run(main())
