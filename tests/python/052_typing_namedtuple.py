# typing.NamedTuple's class syntax and namedtuple records.
import json
from collections import namedtuple
from typing import NamedTuple, Optional
import typing

P = namedtuple("P", "x y")


class Q(NamedTuple):
    a: int
    b: str = "z"
    c: Optional[float] = None

    def total(self):
        return self.a + len(self.b)


class Job(typing.NamedTuple):
    priority: int
    name: str


q = Q(1)
print(Q, q, Q(2, "yy", 0.5), q.total(), q._fields, Q._field_defaults)
print(q._replace(b="abc"), q._asdict(), tuple(q), len(q), q[0], q[-1])
a, b, c = Q(5, "w")
print(a, b, c, Q(a=3, b="q") == Q(3, "q"))
print(sorted([Job(3, "c"), Job(1, "a"), Job(2, "b")]))
print(json.dumps(Job(1, "a")), max(Job(1, "x"), Job(1, "y")).name)
try:
    Q()
except TypeError as e:
    print("TypeError", e)
try:
    class Bad(NamedTuple):
        x: int = 0
        y: int
except TypeError as e:
    print("TypeError", e)
