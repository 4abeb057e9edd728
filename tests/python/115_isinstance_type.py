# isinstance with tuples, issubclass, type(), bool is an int, classes of exceptions
values = [1, 1.5, True, "s", [1], (1,), {"a": 1}, None, 3 + 0 * 1]
for v in values:
    print(repr(v), type(v).__name__, isinstance(v, (int, float)), isinstance(v, int))
print(type(1), type("x"), type(None), type([]))
print(isinstance(True, int), type(True) is int, type(True) is bool)
print(issubclass(bool, int), issubclass(int, (str, float)), issubclass(int, (str, int)))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, LookupError))
print(issubclass(UnboundLocalError, NameError), issubclass(ModuleNotFoundError, ImportError))
print(isinstance(ValueError("x"), Exception), isinstance(ValueError, type))
print(type(3) == int, type(3.0) == float)
def f():
    pass
print(type(f).__name__, type(lambda: 0).__name__, callable(f), callable(3))
class A:
    pass
class B(A):
    pass
print(isinstance(B(), A), type(B()) == A, type(B()).__name__, B.__name__)
