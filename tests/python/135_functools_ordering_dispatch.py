# functools written in Python: total_ordering, cmp_to_key, cached_property (computed once,
# then an attribute of the instance), partialmethod, singledispatch and singledispatchmethod.
import functools
from functools import total_ordering, cmp_to_key, cached_property, partialmethod, singledispatch, singledispatchmethod

@total_ordering
class Version:
    def __init__(self, major, minor):
        self.major, self.minor = major, minor
    def __eq__(self, other):
        return (self.major, self.minor) == (other.major, other.minor)
    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)
    def __repr__(self):
        return f"v{self.major}.{self.minor}"

a, b = Version(1, 2), Version(1, 10)
print(a < b, a <= b, a > b, a >= b, a == b, a != b)
print(sorted([Version(2, 0), a, b]), max(a, b))
try:
    @total_ordering
    class Nothing:
        pass
except ValueError as e:
    print("ValueError:", e)

def compare_len(x, y):
    return len(x) - len(y)
words = ["banana", "kiwi", "apple", "fig"]
print(sorted(words, key=cmp_to_key(compare_len)))
print(sorted(words, key=functools.cmp_to_key(lambda x, y: (x > y) - (x < y)), reverse=True))

class Circle:
    def __init__(self, r):
        self.r = r
    @cached_property
    def area(self):
        print("computing area")
        return 3 * self.r ** 2
c = Circle(2)
print(c.area, c.area, "area" in vars(c))
print(type(Circle.__dict__["area"]).__name__)

class Cell:
    def __init__(self):
        self.alive = False
    def set_state(self, state):
        self.alive = state
    set_alive = partialmethod(set_state, True)
    set_dead = partialmethod(set_state, False)
cell = Cell()
cell.set_alive()
print(cell.alive)
cell.set_dead()
print(cell.alive)

@singledispatch
def describe(x):
    return f"something: {x!r}"
@describe.register(int)
def _(x):
    return f"int {x}"
@describe.register(list)
def _(x):
    return f"list of {len(x)}"
describe.register(float, lambda x: f"float {x:.1f}")
print(describe(3), describe(True), describe([1, 2]), describe(2.5), describe("s"))
print(describe.dispatch(bool).__name__ if hasattr(describe.dispatch(bool), '__name__') else None, describe.__name__)
print(object in describe.registry, len(describe.registry))

class Fmt:
    @singledispatchmethod
    def show(self, x):
        return "other"
    @show.register(int)
    def _(self, x):
        return f"int:{x}"
print(Fmt().show(1), Fmt().show("a"))
