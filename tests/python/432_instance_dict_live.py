# An instance's __dict__ (and vars()) is its attribute dict itself, not a copy: writes, deletes
# and update() through it are attributes, attribute writes show in it, and the same dict object
# comes back each time; assigning __dict__ replaces the attributes (the shared-state "Borg")
import asyncio


class Config:
    def __init__(self, **kwargs):
        self.name = "default"
        self.__dict__.update(kwargs)

    def __repr__(self):
        return f"Config({self.__dict__})"


class Record:
    pass


class Borg:
    _shared = {}

    def __init__(self):
        self.__dict__ = self._shared


class Slotted:
    __slots__ = ("a", "__dict__")


async def worker(cfg, n):
    await asyncio.sleep(0)
    vars(cfg)[f"seen_{n}"] = True
    return cfg.retries * n


async def main():
    cfg = Config(retries=3, name="svc")
    print(cfg, cfg.retries, cfg.name)
    d = cfg.__dict__
    print(d is cfg.__dict__, d is vars(cfg))
    d["timeout"] = 1.5
    print(cfg.timeout, hasattr(cfg, "timeout"))
    cfg.verbose = False
    print(d["verbose"], list(d))
    del d["name"]
    print(hasattr(cfg, "name"), "name" in vars(cfg))
    del cfg.verbose
    print(sorted(d), len(d))
    print(await asyncio.gather(worker(cfg, 1), worker(cfg, 2)))
    print(sorted(k for k in vars(cfg) if k.startswith("seen")))
    copy = d.copy()
    copy["extra"] = 1
    print(hasattr(cfg, "extra"), d.pop("timeout"), hasattr(cfg, "timeout"))
    d.setdefault("level", "info")
    print(cfg.level, d.get("level"))

    r = Record()
    vars(r)["x"] = 1
    r.__dict__.update({"y": 2, "z": 3})
    r.__dict__["x"] += 10
    print(r.x, r.y, r.z, vars(r))
    r.__dict__.clear()
    print(vars(r), hasattr(r, "x"))
    r.__dict__ = {"p": 7}
    print(r.p, vars(r))
    r.q = 8
    print(r.__dict__)
    try:
        r.__dict__ = [1]
    except TypeError as e:
        print("TypeError:", e)

    a, b = Borg(), Borg()
    a.state = "running"
    print(b.state, a.__dict__ is b.__dict__, Borg._shared)
    b.__dict__["count"] = 2
    print(a.count, b.count)
    del a.state
    print(hasattr(b, "state"), Borg._shared)

    s = Slotted()
    s.a = 1
    s.b = 2
    print(vars(s))
    vars(s)["c"] = 3
    print(s.a, s.c, vars(s))


asyncio.run(main())
