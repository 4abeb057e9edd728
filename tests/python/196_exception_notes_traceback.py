# PEP 678 notes (e.add_note) in the traceback module's reports: format_exception_only gives
# the last line and then each line of each note; format_exception and print_exception too.
import io
import traceback


def failing():
    e = ValueError("bad value")
    e.add_note("first note")
    e.add_note("second\nnote over two lines")
    raise e


try:
    failing()
except ValueError as e:
    print(traceback.format_exception_only(e))
    print(traceback.format_exception_only(type(e), e))
    lines = traceback.format_exception(e)
    print(lines[0], lines[-4:], sep="")
    out = io.StringIO()
    traceback.print_exception(e, file=out)
    print(out.getvalue().replace(__file__, "main.py"), end="")

try:
    raise KeyError("k")
except KeyError as e:
    print(traceback.format_exception_only(e))


class Note:
    def __str__(self):
        return "a note that is not a str"


e = RuntimeError("multi\nline message")
e.__notes__ = [Note(), "plain"]
print(traceback.format_exception_only(e))
print(traceback.format_exception_only(None))

try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        z.add_note("dividing")
        raise OSError("outer") from z
except OSError as e:
    print(traceback.format_exception_only(e.__cause__))
    text = "".join(traceback.format_exception(e))
    print(text[text.index("division by zero"):].replace(__file__, "main.py"), end="")
