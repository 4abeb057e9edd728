# match's runtime errors (too many positional sub-patterns, no __match_args__, a non-class
# pattern, an attribute given twice, a bad __match_args__) and match in a coroutine with an
# awaited subject and guard
import asyncio


class P:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y


class N:
    pass


class Bad:
    __match_args__ = ["x"]
    x = 1


def attempt(kind, subject):
    f = 5
    try:
        match kind:
            case 1:
                match subject:
                    case P(a, b, c):
                        pass
            case 2:
                match subject:
                    case N(a):
                        pass
            case 3:
                match subject:
                    case f():
                        pass
            case 4:
                match subject:
                    case P(a, x=b):
                        pass
            case 5:
                match subject:
                    case Bad(v):
                        pass
            case 6:
                match subject:
                    case int(a, b):
                        pass
    except TypeError as e:
        print("TypeError:", e)


for kind, subject in [(1, P(1, 2)), (2, N()), (3, 3), (4, P(1, 2)), (5, Bad()), (6, 3)]:
    attempt(kind, subject)


async def fetch(n):
    await asyncio.sleep(0.1)
    return {"status": 200 if n % 2 else 404, "body": [n, n * 2]}


async def ok(n):
    await asyncio.sleep(0)
    return n > 2


async def main():
    for n in range(1, 5):
        match await fetch(n):
            case {"status": 200, "body": [first, *_]} if await ok(first):
                print(n, "ok and big", first)
            case {"status": 200, "body": body}:
                print(n, "ok", body)
            case {"status": code}:
                print(n, "failed with", code)


asyncio.run(main())
