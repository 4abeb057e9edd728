"""`re`'s Python face, on the two natives of `src/python/modules/re.rs` (`_compile` parses and
compiles a pattern, `_exec` runs one match or search): `Pattern`, `Match`, replacement
templates, `sub`, `split`, `findall`, `finditer` and the module's functions, as CPython's
`Lib/re` and `_sre` behave (empty matches included: after an empty match the next one may not
be empty at the same place). Flags are `RegexFlag`s, as CPython's, from `_re_flags`."""

# The flags' values, for the module's own use. The flags themselves (`re.I`, `re.RegexFlag`)
# are made on first use, by `__getattr__` (the end of this file).
_LOCALE = 4
_UNICODE = 32
_ASCII = 256

_FLAG_NAMES = [
    (1, "TEMPLATE"),
    (2, "IGNORECASE"),
    (4, "LOCALE"),
    (8, "MULTILINE"),
    (16, "DOTALL"),
    (32, "UNICODE"),
    (64, "VERBOSE"),
    (128, "DEBUG"),
    (256, "ASCII"),
]
_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "\\": "\\"}
_SPECIAL = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f"
_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_cache = {}
_programs = {}


class error(Exception):
    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = "%s at position %d" % (msg, pos)
            self.lineno = pattern[:pos].count("\n") + 1
            self.colno = pos - pattern[:pos].rfind("\n")
            if "\n" in pattern:
                msg = "%s (line %d, column %d)" % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


def _group(r, i, default=None):
    g = r[-1][i]
    return default if g is None else g


def _template(pattern, repl):
    # CPython's parse_template: literal text and group indices.
    items, lit, i, n = [], [], 0, len(repl)
    while i < n:
        c = repl[i]
        if c != "\\":
            lit.append(c)
            i += 1
            continue
        if i + 1 >= n:
            raise error("bad escape (end of pattern)", repl, n - 1)
        d, start = repl[i + 1], i
        i += 2
        index = None
        if d == "g":
            if i >= n or repl[i] != "<":
                raise error("missing <", repl, i)
            j = repl.find(">", i + 1)
            if j < 0:
                if i + 1 >= n:
                    raise error("missing group name", repl, n)
                raise error("missing >, unterminated name", repl, i + 1)
            name = repl[i + 1 : j]
            if not name:
                raise error("missing group name", repl, j)
            i = j + 1
            if name.isidentifier():
                if name not in pattern.groupindex:
                    raise IndexError("unknown group name %r" % name)
                index = pattern.groupindex[name]
            elif name.isdigit() and name.isascii():
                index = int(name)
            else:
                raise error("bad character in group name %r" % name, repl, j - len(name))
            at = j - len(name)
        elif d == "0":
            while i < n and i < start + 4 and repl[i] in "01234567":
                i += 1
            lit.append(chr(int(repl[start + 1 : i], 8) & 0xFF))
        elif d in "0123456789":
            if i < n and repl[i] in "0123456789":
                i += 1
                if d in "01234567" and repl[i - 1] in "01234567" and i < n and repl[i] in "01234567":
                    i += 1
                    v = int(repl[start + 1 : i], 8)
                    if v > 0o377:
                        raise error(
                            "octal escape value %s outside of range 0-0o377" % repl[start:i], repl, start
                        )
                    lit.append(chr(v))
                    continue
            index = int(repl[start + 1 : i])
            at = start + 1
        elif d in _ESCAPES:
            lit.append(_ESCAPES[d])
        elif d in _LETTERS:
            raise error("bad escape \\" + d, repl, start)
        else:
            lit.append("\\" + d)
        if index is not None:
            if index > pattern.groups:
                raise error("invalid group reference %d" % index, repl, at)
            if lit:
                items.append("".join(lit))
                lit = []
            items.append(index)
    if lit:
        items.append("".join(lit))
    return items


def _program(p):
    # Compiled programs are kept here, not on the Pattern: a Pattern (and a Match) can then
    # be copied to a to_thread worker, whose own `re` compiles it again.
    prog = _programs.get(p._key)
    if prog is None:
        prog = _compile(p._key[0], p._key[1])[0]
        if len(_programs) >= 512:
            _programs.clear()
        _programs[p._key] = prog
    return prog


class Pattern:
    def __init__(self, key, pattern, flags, groups, groupindex):
        self._key = key
        self.pattern = pattern
        self.flags = flags
        self.groups = groups
        self.groupindex = groupindex
        self._names = {i: name for name, i in groupindex.items()}

    def __repr__(self):
        flags = self.flags
        if flags & (_LOCALE | _UNICODE | _ASCII) == _UNICODE:
            flags &= ~_UNICODE
        text = repr(self.pattern)[:200]
        if not flags:
            return "re.compile(%s)" % text
        names = []
        for value, name in _FLAG_NAMES:
            if flags & value:
                names.append("re." + name)
                flags &= ~value
        if flags:
            names.append(hex(flags))
        return "re.compile(%s, %s)" % (text, "|".join(names))

    def _one(self, string, pos, endpos, mode):
        r = _exec(_program(self), string, pos, endpos, mode, False)
        if r is None:
            return None
        return Match(self, string, r, r[-3], r[-2])

    def match(self, string, pos=0, endpos=None):
        return self._one(string, pos, endpos, 0)

    def search(self, string, pos=0, endpos=None):
        return self._one(string, pos, endpos, 1)

    def fullmatch(self, string, pos=0, endpos=None):
        return self._one(string, pos, endpos, 2)

    def _scan(self, string, pos, endpos, count):
        n, not_empty, prog = 0, False, _program(self)
        while not count or n < count:
            r = _exec(prog, string, pos, endpos, 1, not_empty)
            if r is None:
                return
            yield r
            n += 1
            not_empty = r[0] == r[1]
            pos = r[1]

    def finditer(self, string, pos=0, endpos=None):
        first = None
        for r in self._scan(string, pos, endpos, 0):
            if first is None:
                first = r
            yield Match(self, string, r, first[-3], first[-2])

    def findall(self, string, pos=0, endpos=None):
        out, groups = [], self.groups
        for r in self._scan(string, pos, endpos, 0):
            if groups == 0:
                out.append(r[-1][0])
            elif groups == 1:
                out.append(_group(r, 1, ""))
            else:
                out.append(tuple([_group(r, i, "") for i in range(1, groups + 1)]))
        return out

    def subn(self, repl, string, count=0):
        items = None
        if not callable(repl):
            if not isinstance(repl, str):
                raise TypeError("decoding to str: need a bytes-like object, %s found" % type(repl).__name__)
            items = _template(self, repl) if "\\" in repl else [repl]
        out, last, n = [], 0, 0
        for r in self._scan(string, 0, None, count):
            out.append(_slice(_program(self), string, last, r[0]))
            if items is None:
                value = repl(Match(self, string, r, 0, len(string)))
                if value is not None:
                    out.append(value)
            else:
                for item in items:
                    if item.__class__ is str:
                        out.append(item)
                    else:
                        out.append(_group(r, item, ""))
            last = r[1]
            n += 1
        out.append(_slice(_program(self), string, last, None))
        return "".join(out), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def split(self, string, maxsplit=0):
        out, last = [], 0
        for r in self._scan(string, 0, None, maxsplit):
            out.append(_slice(_program(self), string, last, r[0]))
            for i in range(1, self.groups + 1):
                out.append(_group(r, i))
            last = r[1]
        out.append(_slice(_program(self), string, last, None))
        return out


class Match:
    def __init__(self, pattern, string, r, pos, endpos):
        self.re = pattern
        self.string = string
        self.pos = pos
        self.endpos = endpos
        self._r = r
        last = r[-4]
        self.lastindex = last if last else None
        self.lastgroup = pattern._names.get(last) if last else None

    def _index(self, g):
        if isinstance(g, str):
            i = self.re.groupindex.get(g)
            if i is not None:
                return i
        elif isinstance(g, int) and 0 <= g <= self.re.groups:
            return g
        raise IndexError("no such group")

    def group(self, *args):
        if not args:
            return self._r[-1][0]
        if len(args) == 1:
            return _group(self._r, self._index(args[0]))
        return tuple([_group(self._r, self._index(g)) for g in args])

    def __getitem__(self, g):
        return _group(self._r, self._index(g))

    def groups(self, default=None):
        return tuple([_group(self._r, i, default) for i in range(1, self.re.groups + 1)])

    def groupdict(self, default=None):
        return {name: _group(self._r, i, default) for name, i in self.re.groupindex.items()}

    def start(self, group=0):
        return self._r[2 * self._index(group)]

    def end(self, group=0):
        return self._r[2 * self._index(group) + 1]

    def span(self, group=0):
        i = self._index(group)
        return (self._r[2 * i], self._r[2 * i + 1])

    def expand(self, template):
        out = []
        for item in _template(self.re, template):
            if item.__class__ is str:
                out.append(item)
            else:
                out.append(_group(self._r, item, ""))
        return "".join(out)

    def __repr__(self):
        return "<re.Match object; span=(%d, %d), match=%s>" % (
            self._r[0],
            self._r[1],
            repr(self._r[-1][0])[:50],
        )


def compile(pattern, flags=0):
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, str):
        raise TypeError("first argument must be string or compiled pattern")
    key = (pattern, flags)
    p = _cache.get(key)
    if p is not None:
        return p
    if flags & _LOCALE:
        raise ValueError("cannot use LOCALE flag with a str pattern")
    if flags & _ASCII and flags & _UNICODE:
        raise ValueError("ASCII and UNICODE flags are incompatible")
    prog, value, groups, index = _compile(pattern, flags)
    if prog is None:
        if index == "error":
            raise error(value, pattern, groups)
        raise OverflowError(value)
    _programs[key] = prog
    p = Pattern(key, pattern, value, groups, index)
    if len(_cache) >= 512:
        _cache.clear()
    _cache[key] = p
    return p


def match(pattern, string, flags=0):
    return compile(pattern, flags).match(string)


def search(pattern, string, flags=0):
    return compile(pattern, flags).search(string)


def fullmatch(pattern, string, flags=0):
    return compile(pattern, flags).fullmatch(string)


def findall(pattern, string, flags=0):
    return compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return compile(pattern, flags).finditer(string)


def sub(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return compile(pattern, flags).split(string, maxsplit)


def escape(pattern):
    return "".join(["\\" + c if c in _SPECIAL else c for c in pattern])


def purge():
    _cache.clear()


def __getattr__(name):
    # The flags' class takes as long to compile as the rest of this module: a program that
    # names no flag does not pay for it. The first use keeps them all here.
    import _re_flags
    import re

    if name not in _re_flags.__all__:
        raise AttributeError("module 're' has no attribute '%s'" % name)
    for flag in _re_flags.__all__:
        setattr(re, flag, getattr(_re_flags, flag))
    return getattr(_re_flags, name)
