# bytes hash by content as dict keys and set members (a bytearray is unhashable); ranges
# compare and hash by their items, as CPython's do.
d = {b"a": 1, (b"x", 2): 3}
print(d[b"a"], d[(b"x", 2)], b"a" in {b"a", b"b"}, len({b"a", b"a"[:1], bytes([97])}))
print(hash(b"abc") == hash(bytes(b"abc")), b"a" == bytearray(b"a"))
try:
    {bytearray(b"x"): 1}
except TypeError as e:
    print(e)
try:
    hash((1, bytearray(b"x")))
except TypeError as e:
    print(e)
s = set()
s.add(b"k"); s.add(b"k"); print(s)
print({b"a": 1} == {b"a": 1})
print(range(3) == range(3), {range(3): 1}.get(range(3)))
print(range(3) == range(3), range(0) == range(5, 2), range(1, 4) == range(1, 5, 1))
print(hash(range(3)) == hash(range(3)))
print(range(3) != range(3), range(3) == [0,1,2], range(2) in [range(2)], {range(0): 1}[range(5, 1)])
