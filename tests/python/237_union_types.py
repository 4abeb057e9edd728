# X | Y of types (types.UnionType): repr, __args__, flattening and repeats, equality,
# isinstance/issubclass with a union (alone or in a tuple), and the TypeErrors
class Job:
    pass


u = int | str
print(u, repr(int | None), None | int, int | Job)
print(type(u), u.__args__)
print((int | str) | float, int | int, int | str | int)
print(int | str == str | int, int | str == int | float)
for value in (3, "x", 2.5, None, True, Job()):
    print(repr(value) if not isinstance(value, Job) else "Job()", isinstance(value, int | str), isinstance(value, Job | None))
print(isinstance(3, (float, int | str)), issubclass(bool, int | str), issubclass(float, int | Job))


def describe(x):
    if isinstance(x, int | float):
        return "number"
    if isinstance(x, str | list):
        return "text"
    return "other"


print([describe(v) for v in (1, 2.0, "a", ["b"], {})])
for bad in (lambda: None | None, lambda: int | 3):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
try:
    isinstance(1, 3)
except TypeError as e:
    print("TypeError:", e)
