# sys.version_info: a named tuple of the version the engine claims (CPython 3.11): fields,
# indexing and slicing, unpacking, comparisons with tuples either way round, printing (the
# micro version is never printed, so any 3.11 release is a good oracle).
import sys

v = sys.version_info
print(repr(v).split(", micro=")[0], "...", repr(v).split(", releaselevel=")[1])
print(str(v) == repr(v), repr(v) == f"{v}", repr(v).startswith("sys.version_info(major=3, minor=11, micro="))
print(v.major, v.minor, type(v.micro).__name__, v.releaselevel, v.serial)
print(v[0], v[1], v[-1], v[-2], v[:2], v[3:], len(v), tuple(v)[:2], list(v)[3:])
major, minor, *rest = v
print(major, minor, len(rest), rest[1:])
print(v >= (3, 11), v >= (3, 11, 0), v < (3, 12), v > (3,), v == (3, 11), (3, 8) <= v, (4, 0) > v)
print(v[:2] == (3, 11), v == tuple(v), v != tuple(v), hash(v) == hash(tuple(v)))
print("Python %d.%d" % v[:2], "{}.{}".format(*v), f"{v.major}.{v.minor}", ".".join(map(str, v[:2])))
print(v.index(11), v.count(3), 11 in v, "final" in v, v[v.index("final")])
if sys.version_info >= (3, 11):
    print("asyncio.TaskGroup and asyncio.timeout are available")
else:
    print("too old")
print(sys.version.split()[0] == "%d.%d.%d" % v[:3], type(v).__module__, type(v).__name__)
try:
    v.feature
except AttributeError as e:
    print("AttributeError:", e)
