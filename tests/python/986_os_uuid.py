# os in a page: getenv with a default (no such variable set), environ as a mapping, the path
# strings and os.path's string functions; uuid: UUID from text, uuid4's form (its value is
# random under CPython).
import os
import os.path
import uuid
from os.path import basename, join

key = os.getenv("INTERLEAVE_TEST_UNSET_KEY")
print(key, os.getenv("INTERLEAVE_TEST_UNSET_KEY", "sk-default"), "INTERLEAVE_TEST_UNSET_KEY" in os.environ)
print(os.environ.get("INTERLEAVE_TEST_UNSET_KEY", "fallback"))
try:
    os.environ["INTERLEAVE_TEST_UNSET_KEY"]
except KeyError as e:
    print("KeyError", e)
os.environ["INTERLEAVE_TEST_SET"] = "on"
print(os.getenv("INTERLEAVE_TEST_SET"), os.environ["INTERLEAVE_TEST_SET"])
print(repr(os.sep), repr(os.linesep), os.name, os.curdir, os.pardir, os.path is os.path)
print(isinstance(os.getpid(), int), isinstance(os.cpu_count(), int))
print(join("data", "raw", "x.csv"), os.path.join("/a", "/b", "c"), os.path.join("a/", "b"), join("", "x"))
print(basename("/tmp/report.txt"), basename("dir/"), os.path.dirname("/tmp/report.txt"), os.path.dirname("x"))
print(os.path.splitext("archive.tar.gz"), os.path.splitext(".bashrc"), os.path.splitext("a.b/c"))
print(os.path.split("/usr/lib/x.py"), os.path.split("x"), os.path.split("//"), os.path.dirname("a//b"))
print(os.path.exists("/definitely/not/here.txt"), os.path.isfile("nope.cfg"), os.path.isabs("/x"))

u = uuid.UUID("12345678-1234-5678-1234-567812345678")
print(u, repr(u), u.hex, u.urn, u.version, uuid.UUID("12345678-1234-4678-9234-567812345678").version)
print(u == uuid.UUID("{12345678123456781234567812345678}"), str(u) == str(u).lower())
try:
    uuid.UUID("not-a-uuid")
except ValueError as e:
    print(e)
ids = [uuid.uuid4() for _ in range(5)]
print(len(set(ids)), all(len(str(i)) == 36 and str(i)[14] == "4" and str(i)[19] in "89ab" for i in ids))
print(all(len(i.hex) == 32 and i.version == 4 for i in ids), type(ids[0]).__name__, str(ids[0]).count("-"))
print(f"task-{uuid.uuid4().hex[:8]}".startswith("task-"))
