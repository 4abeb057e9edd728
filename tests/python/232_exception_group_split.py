# ExceptionGroup and BaseExceptionGroup: message, exceptions, split() and subgroup() by type,
# tuple of types or predicate (nested groups kept in shape, metadata copied), derive(), a
# subclass's own derive, and the errors for bad conditions
eg = ExceptionGroup(
    "batch",
    [ValueError(1), TypeError(2), ExceptionGroup("inner", [ValueError(3), KeyError(4)])],
)
print(eg.message)
print(eg.exceptions)
print(eg.args)
print(str(eg))

match, rest = eg.split(ValueError)
print(repr(match))
print(repr(rest))
print(eg.split(KeyboardInterrupt))
print(eg.split(Exception)[0] is eg, eg.split(KeyError)[1] is eg)
print(repr(eg.split((TypeError, KeyError))[0]))
print(repr(eg.subgroup(lambda e: isinstance(e, ValueError) and e.args[0] > 1)))
print(eg.subgroup(lambda e: False))
print(repr(eg.subgroup(lambda e: isinstance(e, ExceptionGroup) and e.message == "inner")))
print(repr(eg.derive([ValueError(9)])))

mixed = BaseExceptionGroup("mixed", [KeyboardInterrupt(), ValueError("v")])
print(type(mixed).__name__, type(BaseExceptionGroup("m", [ValueError()])).__name__)
only_values, others = mixed.split(ValueError)
print(type(only_values).__name__, type(others).__name__)

try:
    raise eg
except ExceptionGroup as caught:
    caught.add_note("a note")
    part = caught.subgroup(TypeError)
    print(part.__notes__)

cause = RuntimeError("cause")
eg.__cause__ = cause
print(eg.split(TypeError)[0].__cause__ is cause)


class Batch(ExceptionGroup):
    def derive(self, excs):
        return Batch(self.message + "*", excs)


b = Batch("jobs", [ValueError("a"), OSError("b")])
print(repr(b.split(ValueError)))

for bad in (5, (ValueError, 5)):
    try:
        eg.split(bad)
    except TypeError as e:
        print("TypeError:", e)
for args in (("m", []), ("m", [1]), (1, [ValueError()])):
    try:
        ExceptionGroup(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    ExceptionGroup("m", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError:", e)
