# enum.Enum as tutorials use it: auto(), name/value, repr and str, lookup by value and by
# name, iteration in definition order, len, in, aliases, identity, dict keys, methods and
# properties on the enum, a dispatch dict, and members that cannot be changed.
from enum import Enum, auto


class State(Enum):
    IDLE = 1
    RUNNING = auto()
    DONE = auto()
    FINISHED = 3  # an alias of DONE

    def is_active(self):
        return self is State.RUNNING

    @property
    def label(self):
        return self.name.title()

    @classmethod
    def default(cls):
        return cls.IDLE


print(State.IDLE, repr(State.RUNNING), State.DONE.name, State.DONE.value)
print(f"state={State.IDLE} name={State.IDLE.name} value={State.IDLE.value} {State.DONE!r}")
print(f"[{State.IDLE:>12}] [{State.DONE:<12}]", "%s" % State.RUNNING, str(State.DONE))
print(State, repr(State), type(State.IDLE), type(State.IDLE).__name__)
print(State(1), State(3), State["RUNNING"], State.FINISHED, State.FINISHED is State.DONE)
print(list(State), len(State))
for s in State:
    print(" ", s.name, s.value, s.label, s.is_active())
print(State.__members__)
print([name for name in State.__members__], State._member_names_)
print(State.IDLE in State, State.default(), State(State.DONE) is State.DONE)
print(State.IDLE == State.IDLE, State.IDLE == 1, State.IDLE != State.DONE, State.IDLE is State(1))
print(isinstance(State.IDLE, State), isinstance(State.IDLE, Enum), issubclass(State, Enum))

handlers = {State.IDLE: "wait", State.RUNNING: "work", State.DONE: "rest"}
for s in State:
    print(s, "->", handlers[s])
print(sorted(State, key=lambda s: s.value, reverse=True))
print({s.name: s.value for s in State}, [s.value for s in State])


class Color(Enum):
    RED = "red"
    GREEN = "green"

    def __str__(self):
        return self.value.upper()


print(Color.RED, f"{Color.GREEN}", repr(Color.RED), Color("green"), list(Color))

try:
    State.IDLE.value = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    State.IDLE = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    del State.RUNNING
except AttributeError as e:
    print("AttributeError:", e)
State.IDLE.note = "members take new attributes"
print(State.IDLE.note, State.IDLE.value)
