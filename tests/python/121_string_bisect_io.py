# string's constants, capwords and Template; bisect with and without key=; io.StringIO as a
# print target and a file to read lines from.
import asyncio
import bisect
import io
import random
import string
from string import Template

print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.whitespace), len(string.printable))
print(string.capwords("hello   wide  world"), string.capwords("a-b-c", "-"))

random.seed(7)
print("".join(random.choice(string.ascii_lowercase + string.digits) for _ in range(12)))

t = Template("$who likes ${what}; $$5 off")
print(t.substitute(who="tim", what="kung pao"))
print(t.substitute({"who": "ann", "what": "tea"}))
print(t.safe_substitute(who="bob"))
print(t.get_identifiers(), t.is_valid())
try:
    t.substitute(who="x")
except KeyError as e:
    print("KeyError", e)
try:
    Template("cost: $").substitute()
except ValueError as e:
    print("ValueError", e)

scores = [10, 20, 20, 30, 50]
print(bisect.bisect_left(scores, 20), bisect.bisect_right(scores, 20), bisect.bisect(scores, 25))
bisect.insort(scores, 25)
bisect.insort_left(scores, 20)
print(scores)
grades = "FDCBA"
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in (33, 99, 77, 70, 89, 90, 100)])
people = [("ann", 19), ("bob", 25), ("cy", 31)]
print(bisect.bisect_left(people, 25, key=lambda p: p[1]))
bisect.insort(people, ("dee", 27), key=lambda p: p[1])
print(people)
try:
    bisect.bisect([1], 1, lo=-1)
except ValueError as e:
    print("ValueError", e)


async def report(buf, name, delay):
    await asyncio.sleep(delay)
    print(f"{name} done after {delay:.1f}s", file=buf)


async def main():
    buf = io.StringIO()
    await asyncio.gather(report(buf, "b", 0.2), report(buf, "a", 0.1))
    print(repr(buf.getvalue()))
    buf.seek(0)
    print(buf.readline(), end="")
    print([line.strip() for line in buf])
    with io.StringIO("x\ny\nz") as f:
        print(f.read(1), f.tell(), f.readlines())
    print(f.closed)
    try:
        f.getvalue()
    except ValueError as e:
        print("ValueError", e)
    s = io.StringIO()
    s.write("hello")
    s.seek(0)
    s.write("J")
    print(s.getvalue(), s.tell())


asyncio.run(main())


class Recorder:
    # print hands its pieces to write() one by one: each argument, each separator, the end.
    def __init__(self):
        self.pieces = []

    def write(self, s):
        self.pieces.append(s)

    def flush(self):
        self.pieces.append("<flush>")


r = Recorder()
print("a", 1, 2.5, sep="|", end="!\n", file=r, flush=True)
print(file=r)
print(r.pieces)
try:
    print("x", file=object())
except AttributeError as e:
    print("AttributeError", e)
