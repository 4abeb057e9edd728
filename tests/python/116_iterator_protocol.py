# iterator protocol: class with __iter__/__next__, iter() on containers, StopIteration
class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1

print(list(Countdown(4)))
c = Countdown(2)
print(next(c), next(c), next(c, "done"))
for x in Countdown(3):
    print("for got", x)
class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 1
r = Range2(3)
print(list(r), list(r), sum(r), 2 in r)
it = iter([10, 20])
print(next(it), next(it))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e), e.args)
d_it = iter({"a": 1, "b": 2})
print(list(d_it))
s_it = iter("hey")
print(next(s_it), list(s_it))
print(list(zip(Countdown(3), "abc")))
