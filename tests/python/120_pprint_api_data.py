# pprint of the JSON a tutorial fetches: dicts sorted, long ones split one item per line,
# nested lists indented under their bracket, long strings cut at spaces; pp keeps dict order.
import asyncio
from dataclasses import dataclass, field
from pprint import pprint, pformat, pp
from collections import OrderedDict, defaultdict


@dataclass
class User:
    id: int
    name: str
    tags: list = field(default_factory=list)


async def fetch_user(i):
    await asyncio.sleep(0.1 * i)
    return {"id": i, "name": f"user {i}", "email": f"user{i}@example.com",
            "address": {"street": f"{i} Main Street", "city": "Springfield", "zip": f"{10000 + i}"},
            "roles": ["admin", "editor", "viewer"][: i + 1]}


async def main():
    users = await asyncio.gather(*(fetch_user(i) for i in range(3)))
    pprint(users[0])
    pprint(users)
    pp(users[2])
    pprint(users, width=40, depth=2)
    pprint(list(range(40)), compact=True)
    pprint(list(range(30)))
    pprint(("a", "tuple", "of", "words") * 6)
    pprint({3, 1, 2})
    pprint(set(range(30)))
    pprint("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.")
    pprint({"text": "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore"})
    pprint([User(i, f"user {i}", ["x" * 10] * 3) for i in range(2)])
    pprint(OrderedDict((f"key{i}", i * 1000) for i in range(12)))
    d = defaultdict(list)
    for i in range(12):
        d[f"group {i % 4}"].append(f"item {i}")
    pprint(d)
    print(pformat({"b": 1, "a": [1, 2, 3]}))
    print(pformat({"b": 1, "a": 2}, sort_dicts=False))
    print(pformat(12345678, underscore_numbers=True))
    nested = {"level1": {"level2": {"level3": {"level4": list(range(10))}}}}
    pprint(nested, depth=3)
    pprint(nested, width=30)
    pprint({1: "one", "two": 2, None: 0})
    loop = [1, 2]
    loop.append(loop)
    print(pformat(loop).startswith("[1, 2, <Recursion on list with id="))


asyncio.run(main())
