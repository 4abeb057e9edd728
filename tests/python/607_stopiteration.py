# StopIteration: from next() on exhausted iterators, caught; inside a generator it becomes RuntimeError
it = iter([1])
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e), e.value)

def gen():
    yield 1
    raise StopIteration("manual")

try:
    print(list(gen()))
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))

def gen2():
    yield next(iter([]))

try:
    list(gen2())
except RuntimeError as e:
    print("RuntimeError:", e)

def firsts(iterables):
    for it in iterables:
        yield next(iter(it), "<empty>")

print(list(firsts([[1, 2], [], "xy"])))
