"""`traceback`: print_exc, format_exc, print_exception, format_exception (3.10's one-argument
form too), format_exception_only and print_stack, written by the engine's own CPython-style
report (`_logging`). Frames show no `^^^` markers."""

import sys
from _logging import current_exception as _current, exception_only as _only, format_exception as _report, stack as _stack

_NONE = object()


def _exc(exc, value):
    return exc if value is _NONE else value


def _chunks(text):
    # As CPython's list: a frame's `File` line and its source line are one item.
    out = []
    for line in text.splitlines(True):
        if out and line.startswith("    ") and out[-1].lstrip(" |").startswith("File "):
            out[-1] += line
        else:
            out.append(line)
    return out


def format_exception(exc, /, value=_NONE, tb=_NONE, limit=None, chain=True):
    return _chunks(_report(_exc(exc, value)))


def print_exception(exc, /, value=_NONE, tb=_NONE, limit=None, file=None, chain=True):
    (sys.stderr if file is None else file).write(_report(_exc(exc, value)))


def format_exception_only(exc, /, value=_NONE):
    return _only(_exc(exc, value))


def format_exc(limit=None, chain=True):
    return _report(_current())


def print_exc(limit=None, file=None, chain=True):
    (sys.stderr if file is None else file).write(_report(_current()))


def format_stack(f=None, limit=None):
    return _chunks(_stack())


def print_stack(f=None, limit=None, file=None):
    (sys.stderr if file is None else file).write(_stack())
