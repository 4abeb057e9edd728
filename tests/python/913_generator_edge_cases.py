# generator edge cases: exhaustion is permanent, return value, close before start, throw
def gen():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("  generator caught", repr(e))
        yield "recovered"
    finally:
        print("  generator finally")

g = gen()
print(next(g))
print(g.throw(ValueError("injected")))
print(list(g))
print(list(g))
g2 = gen()
g2.close()
print("closed before start; next gives default:", next(g2, "exhausted"))
def counter():
    n = 0
    while True:
        cmd = yield n
        if cmd == "reset":
            n = 0
        elif cmd == "stop":
            return n
        else:
            n += 1
c = counter()
print(next(c), c.send(None), c.send(None), c.send("reset"), c.send(None))
try:
    c.send("stop")
except StopIteration as e:
    print("returned", e.value)
