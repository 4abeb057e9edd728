# print() without file= writes to the program's sys.stdout, which redirect_stdout or an
# assignment may replace; typing's bare generics work in isinstance/issubclass.
import contextlib
import io
import sys
import typing
from typing import Dict, List

buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("inside", 1, 2, sep="-")
    print("second line")
print("captured:", repr(buf.getvalue()))

saved = sys.stdout
sys.stdout = io.StringIO()
print("into a StringIO")
text = sys.stdout.getvalue()
sys.stdout = saved
print("got back:", repr(text))


class Collector:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


c = Collector()
with contextlib.redirect_stdout(c):
    print("a", "b")
print(c.parts)

print(isinstance([1], typing.List), isinstance({}, Dict), isinstance((), List))
print(issubclass(list, List), issubclass(dict, typing.Dict))
try:
    isinstance([], List[int])
except TypeError as e:
    print("TypeError:", e)
for check in (lambda: isinstance([], list[int]), lambda: issubclass(dict, dict[str, int])):
    try:
        check()
    except TypeError as e:
        print("TypeError:", e)
