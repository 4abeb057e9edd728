# NameError, UnboundLocalError and AttributeError messages
class Foo:
    def __init__(self):
        self.bar_value = 1

try:
    undefined_name
except NameError as e:
    print(type(e).__name__, "|", e, "|", e.args)
try:
    print(lenn([1]))
except NameError as e:
    print(type(e).__name__, "|", e)
counter = 0
def bump():
    counter += 1
try:
    bump()
except UnboundLocalError as e:
    print(type(e).__name__, "|", e, "|", isinstance(e, NameError))
def use_before_assign():
    print(value)
    value = 3
try:
    use_before_assign()
except UnboundLocalError as e:
    print(type(e).__name__, "|", e)
for obj, attr in [(Foo(), "bar"), (None, "x"), (5, "append"), ("s", "push"), ([], "add"), (Foo, "nothing")]:
    try:
        getattr(obj, attr)
    except AttributeError as e:
        print(type(e).__name__, "|", e)
try:
    Foo().bar_value.upper()
except AttributeError as e:
    print(e)
try:
    None.attribute = 1
except AttributeError as e:
    print(e)
import math
try:
    math.tau2
except AttributeError as e:
    print(e)
