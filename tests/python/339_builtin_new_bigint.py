# A built-in type's __new__ called directly builds the value from its arguments (int, str,
# tuple, frozenset, bytes, exceptions), big ints included; list, dict and set come out empty
# (their __init__ fills them); object() takes no arguments.
print(int.__new__(int, 2**63), int.__new__(int, -2**63 - 1), int.__new__(int, 10**30))
print(int.__new__(int, '99999999999999999999'), int.__new__(int, '10', base=2), int.__new__(int))
print(int.__new__(int, 7), int.__new__(int, 3.5e20), bool.__new__(bool, 5))
for t, a in [(str, (5,)), (float, ('2.5',)), (tuple, ([1, 2],)), (frozenset, ([1],)),
             (bytes, ([65, 66],)), (list, ([1],)), (dict, ({1: 2},)), (set, ([1],)),
             (range, (3,)), (Exception, (1,)), (ValueError, ('x', 2))]:
    try:
        print(t.__name__, repr(t.__new__(t, *a)))
    except Exception as e:
        print(t.__name__, type(e).__name__, e)

try:
    object(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    object.__new__(object, 5)
except TypeError as e:
    print(type(e).__name__, e)


class E(Exception):
    def __new__(cls, *a):
        return super().__new__(cls, *a)


print(repr(E(1, 2)), E(1).args, str(E('boom')))


class P:
    def __new__(cls, x):
        o = super().__new__(cls)
        o.x = x
        return o


print(P(3).x)
try:
    P.__new__(P, 1).y
except AttributeError as e:
    print(type(e).__name__, e)
