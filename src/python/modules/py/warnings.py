"""`warnings`: warn, simplefilter, filterwarnings, resetwarnings, catch_warnings, as CPython's:
`main.py:LINE: Category: message` and the source line on stderr, once per place by default.
A filter's message matches the start of the text (no regular expressions here). The engine's
own warnings (a coroutine never awaited) do not pass through it."""

import sys
from _logging import stack as _stack

_ACTIONS = ("default", "error", "ignore", "always", "module", "once")
filters = []
_seen = set()


def _add(action, message, category, lineno, append):
    if action not in _ACTIONS:
        raise ValueError(f"invalid action: {action!r}")
    if not isinstance(lineno, int) or lineno < 0:
        raise ValueError("lineno must be an int >= 0")
    item = (action, message.lower(), category, lineno)
    if item in filters:
        filters.remove(item)
    if append:
        filters.append(item)
    else:
        filters.insert(0, item)
    _seen.clear()


def filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False):
    _add(action, message, category, lineno, append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    _add(action, "", category, lineno, append)


def resetwarnings():
    filters.clear()
    _seen.clear()


def _frames():
    out = []
    for line in _stack().splitlines():
        if line.startswith("  File "):
            out.append([int(line.split(", line ")[1].split(",")[0]), ""])
        elif out:
            out[-1][1] = line.strip()
    return out


class WarningMessage:
    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source

    def __str__(self):
        return (
            f"{{message : {self.message!r}, category : {self.category.__name__!r}, "
            f"filename : {self.filename!r}, lineno : {self.lineno}, line : {self.line!r}}}"
        )


def formatwarning(message, category, filename, lineno, line=None):
    s = f"{filename}:{lineno}: {category.__name__}: {message}\n"
    if line:
        s += f"  {line.strip()}\n"
    return s


_record = None


def warn(message, category=None, stacklevel=1, source=None):
    if isinstance(message, Warning):
        category = type(message)
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError(f"category must be a Warning subclass, not '{type(category).__name__}'")
    frames = _frames()
    if 1 <= stacklevel <= len(frames):
        lineno, line = frames[-stacklevel]
        filename = "main.py"
    else:
        lineno, line, filename = 1, "", "sys"
    text = str(message)
    if not isinstance(message, Warning):
        message = category(message)
    action = "default"
    low = text.lower()
    for act, msg, cat, ln in filters:
        if issubclass(category, cat) and low.startswith(msg) and ln in (0, lineno):
            action = act
            break
    else:
        if issubclass(category, DeprecationWarning) and filename != "main.py":
            action = "ignore"
    if action == "error":
        raise message
    if action == "ignore":
        return
    if action != "always":
        key = (text, category) if action in ("once", "module") else (text, category, lineno)
        if key in _seen:
            return
        _seen.add(key)
    if _record is not None:
        _record.append(WarningMessage(message, category, filename, lineno, None, line))
    else:
        sys.stderr.write(formatwarning(message, category, filename, lineno, line))


class catch_warnings:
    def __init__(self, *, record=False, action=None, category=Warning, lineno=0, append=False):
        self._record = record
        self._filter = None if action is None else (action, category, lineno, append)

    def __enter__(self):
        global _record
        self._saved = (filters[:], _record)
        if self._filter is not None:
            simplefilter(*self._filter)
        if self._record:
            _record = []
            return _record

    def __exit__(self, *exc):
        global _record
        filters[:], _record = self._saved
        _seen.clear()
