# operator: itemgetter, attrgetter, methodcaller (sorting keys, the classic tutorial use) and
# the operators as functions (with functools.reduce).
import functools
import operator
from collections import namedtuple

Job = namedtuple("Job", "name priority cost")
jobs = [Job("build", 2, 3.5), Job("test", 1, 1.25), Job("deploy", 3, 0.5), Job("lint", 1, 0.75)]
print([j.name for j in sorted(jobs, key=operator.attrgetter("priority"))])
print([j.name for j in sorted(jobs, key=operator.attrgetter("priority", "cost"))])
rows = [("b", 2), ("a", 3), ("c", 1)]
print(sorted(rows, key=operator.itemgetter(1)), max(rows, key=operator.itemgetter(0)))
print(operator.itemgetter(0, 2)("xyz"), operator.itemgetter("k")({"k": 7}))
print(operator.itemgetter(slice(1, None))([1, 2, 3]))
words = ["  Hi ", "there  "]
print(list(map(operator.methodcaller("strip"), words)))
print(operator.methodcaller("split", ",", 1)("a,b,c"))
print(operator.methodcaller("replace", "a", "o", 1)("banana"))
print(operator.itemgetter(1), operator.attrgetter("a.b"), operator.methodcaller("f", 1, k=2))


class Box:
    def __init__(self, inner):
        self.inner = inner


print(operator.attrgetter("inner.inner")(Box(Box(5))))
print(functools.reduce(operator.add, [1, 2, 3, 4]), functools.reduce(operator.mul, range(1, 6)))
print(operator.sub(10, 3), operator.truediv(7, 2), operator.floordiv(7, 2), operator.mod(7, 3))
print(operator.neg(4), operator.pos(-2), operator.abs(-3), operator.pow(2, 10))
print(operator.eq(1, 1.0), operator.ne(1, 2), operator.lt(1, 2), operator.le(2, 2))
print(operator.gt(1, 2), operator.ge(3, 2), operator.not_(0), operator.truth([]))
print(operator.getitem([5, 6], 1), operator.contains("abc", "b"), operator.concat([1], [2]))
print(operator.is_(None, None), operator.is_not(1, None), operator.and_(6, 3), operator.or_(4, 1))
print(operator.countOf([1, 2, 1], 1), operator.index(5), operator.xor(5, 1))
d = {"a": 1}
operator.setitem(d, "b", 2)
operator.delitem(d, "a")
print(d)
try:
    operator.add(1, "x")
except TypeError as e:
    print(e)
try:
    operator.itemgetter(5)([1])
except IndexError as e:
    print(e)
try:
    operator.attrgetter("nope")(Box(1))
except AttributeError as e:
    print(e)
