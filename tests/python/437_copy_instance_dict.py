# copy.copy and copy.deepcopy of an instance fill the copy's __dict__ as CPython does
# (y.__dict__.update(state)): no __setattr__ runs, keys that are no str come along, and a class
# whose __setattr__ writes through self.__dict__ copies as it is
import asyncio
import copy


class Tracked:
    def __init__(self, **fields):
        self.__dict__["_log"] = []
        for k, v in fields.items():
            setattr(self, k, v)

    def __setattr__(self, name, value):
        self.__dict__["_log"].append(name)
        self.__dict__[name] = value

    def __repr__(self):
        shown = {k: v for k, v in vars(self).items() if k != "_log"}
        return f"Tracked({shown}, log={self._log})"


class Bag:
    pass


async def main():
    t = Tracked(host="db", port=5432)
    await asyncio.sleep(0)
    c = copy.copy(t)
    c.port = 6543
    print(t)
    print(c, c._log is t._log)
    d = copy.deepcopy(t)
    d.user = "admin"
    print(t)
    print(d, d._log is t._log)

    b = Bag()
    b.items = [1, 2]
    vars(b)[7] = "seven"
    b2 = copy.deepcopy(b)
    b2.items.append(3)
    print(vars(b), vars(b2))
    print(copy.copy(b).__dict__ == b.__dict__, copy.copy(b).__dict__ is b.__dict__)


asyncio.run(main())
