# dataclasses.field options and the module's functions: compare=False (the priority-queue
# job idiom with order=True), repr=False, init=False with __post_init__, default_factory,
# kw_only, inherited fields, fields(), asdict/astuple (recursive), replace, is_dataclass, and
# CPython's errors for bad definitions and calls
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass, MISSING


class Job:
    def __init__(self, name):
        self.name = name


@dataclass(order=True)
class Prioritized:
    priority: int
    job: Job = field(compare=False)


a, b = Prioritized(1, Job("a")), Prioritized(1, Job("b"))
print(a < b, a <= b, a == b, a > b, a >= b)
jobs = sorted([Prioritized(3, Job("low")), Prioritized(1, Job("high")), Prioritized(2, Job("mid"))])
print([p.job.name for p in jobs], Prioritized(1, Job("x")) == 1)


@dataclass
class Task:
    name: str
    priority: int = 0
    tags: list = field(default_factory=list)
    secret: str = field(default="hidden", repr=False)
    label: str = field(init=False)

    def __post_init__(self):
        self.label = f"{self.name}:{self.priority}"


t = Task("build", 2, ["ci"])
print(t, t.secret, t.label)
print(Task("a") == Task("a"), Task("a").tags is not Task("a").tags)
print([(f.name, f.init, f.repr, f.compare) for f in fields(Task)])
print(fields(t)[0].default is MISSING, fields(t)[1].default, fields(t)[2].default_factory is list)
print(asdict(t), astuple(t))
print(replace(t, priority=5), t.priority)


@dataclass
class Team:
    lead: Task
    members: list
    meta: dict = field(default_factory=dict)


team = Team(Task("lead"), [Task("m1"), Task("m2", 1)], {"k": Task("m3")})
print(asdict(team))
print(astuple(team))
print(asdict(t, dict_factory=lambda pairs: [k for k, _ in pairs]))


@dataclass
class Base:
    x: int
    y: int = 1


@dataclass
class Child(Base):
    z: int = 2
    x: int = 10


print(Child(), Child(1, 2, 3), [f.name for f in fields(Child)])


@dataclass(kw_only=True)
class Options:
    retries: int
    delay: float = 0.5


@dataclass
class Mixed:
    a: int
    b: int = field(default=0, kw_only=True)
    c: int = 1


print(Options(retries=3), Mixed(1, 2), Mixed(1, b=5), Mixed.__match_args__)
print(is_dataclass(Task), is_dataclass(t), is_dataclass(Job("j")))

calls = [
    lambda: Task(),
    lambda: Task("a", 1, [], "s", "extra"),
    lambda: Task("a", label="no"),
    lambda: Task("a", name="twice"),
    lambda: Options(1),
    lambda: Options(),
    lambda: Mixed(1, 2, 3),
    lambda: replace(t, label="x"),
    lambda: asdict(Task),
    lambda: fields(42),
    lambda: field(default=1, default_factory=list),
]
for f in calls:
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)

try:
    @dataclass
    class Bad1:
        x: int = 0
        y: int
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass
    class Bad2:
        items: list = []
except ValueError as e:
    print("ValueError:", e)
try:
    @dataclass(order=True)
    class Bad3:
        x: int

        def __lt__(self, other):
            return True
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass(order=True, eq=False)
    class Bad4:
        x: int
except ValueError as e:
    print("ValueError:", e)
