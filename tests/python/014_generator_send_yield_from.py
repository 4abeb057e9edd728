# generator send(), yield from (delegation, return value), close
def averager():
    total, count = 0.0, 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count

a = averager()
print(next(a))
print(a.send(10))
print(a.send(20))
print(a.send(60))

def inner():
    got = yield "inner-1"
    print("  inner got", got)
    yield "inner-2"
    return "inner result"

def outer():
    yield "outer-start"
    result = yield from inner()
    print("  yield from returned", result)
    yield from [10, 20]
    yield "outer-end"

g = outer()
print(next(g))
print(next(g))
print(g.send("hello"))
print(list(g))

def echo():
    try:
        while True:
            x = yield
            print("  echo", x)
    finally:
        print("  generator closed")

e = echo()
next(e)
e.send(1)
e.send(2)
e.close()
print("after close")
