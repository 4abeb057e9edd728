# globals() is live both ways: writes through it define module globals (globals()[name] = v,
# update, setdefault, del), and a held globals() dict sees later assignments; a class's __dict__ and vars(C) are read-only mappingproxies: reads, 'in', keys/items/get,
# len and iteration work, item assignment is CPython's TypeError.
import asyncio

threshold = 10
globals()["threshold"] = 20
print(threshold)

for name, value in [("alpha", 1), ("beta", 2)]:
    globals()[name] = value * 100
print(alpha, beta, "alpha" in globals(), globals()["beta"], globals().get("gamma", "none"))

globals().update({"gamma": 3, "delta": 4})
print(gamma + delta, globals().setdefault("delta", 99), globals().setdefault("epsilon", 5), epsilon)

del globals()["gamma"]
try:
    print(gamma)
except NameError as e:
    print("NameError", e)

g = globals()
late = "assigned after"
print(g["late"], g is globals(), "gamma" in g)
del late
print("late" in g, "epsilon" in g)
from string import *

print("ascii_letters" in g, g["digits"])


def bump():
    global counter
    counter = g.get("counter", 0) + 1


bump()
bump()
print(counter, g["counter"], g["bump"] is bump)


def handle_start():
    return "starting"


def handle_stop():
    return "stopping"


for command in ("start", "stop", "jump"):
    handler = globals().get(f"handle_{command}")
    print(command, handler() if handler else "unknown command")


class Config:
    """Settings."""

    debug = False
    level = 3

    def describe(self):
        return f"level {self.level}"


ns = Config.__dict__
print(type(ns).__name__, ns["level"], "debug" in ns, "describe" in ns, "missing" in ns, ns.get("nope", "-"))
print(ns["__doc__"], ns["describe"](Config()), [k for k in ns if not k.startswith("__")], len(ns) > 3)
print(sorted(k for k, v in vars(Config).items() if not k.startswith("_") and not callable(v)))
print([k for k in ns.keys() if k[0] != "_"], vars(Config)["debug"], dict(ns)["level"], type(ns.copy()).__name__)
try:
    Config.__dict__["level"] = 5
except TypeError as e:
    print("TypeError", e)
setattr(Config, "level", 5)
Config.debug = True
print(Config.__dict__["level"], vars(Config)["debug"], Config().describe())


async def main():
    globals()["from_task"] = "set in a task"
    await asyncio.sleep(0)
    print(from_task, "threshold" in globals())


asyncio.run(main())
