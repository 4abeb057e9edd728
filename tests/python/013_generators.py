# generators: yield, next, exhaustion, infinite generator with break, generator expressions
def countdown(n):
    print("  start countdown")
    while n > 0:
        yield n
        n -= 1
    print("  countdown done")

g = countdown(3)
print("created, nothing ran yet")
print(next(g))
print(next(g))
for v in g:
    print("loop got", v)
print(list(g))
print(next(g, "default after exhaustion"))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

out = []
for f in fib():
    if f > 100:
        break
    out.append(f)
print(out)

def pairs(items):
    for i, x in enumerate(items):
        yield i, x
print(dict(pairs("abc")))
evens = (n for n in range(10) if n % 2 == 0)
print(sum(evens), sum(evens))
def with_return():
    yield 1
    return "finished"
gen = with_return()
print(next(gen))
try:
    next(gen)
except StopIteration as e:
    print("StopIteration value:", e.value)
