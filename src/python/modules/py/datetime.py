"""`datetime`, the part tutorials use: `timedelta`, `date`, `datetime`, `time` and fixed-offset
`timezone`s, printed as CPython prints them. `now()` and `today()` read `time.time()`, the run's
clock (it starts at 2026-01-01 00:00:00), and local time is UTC here, as in `time`.
"""

import time as _time

MINYEAR = 1
MAXYEAR = 9999
_DIM = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_MAXORD = 3652059  # date.max.toordinal()
_UNIX = 719163  # date(1970, 1, 1).toordinal()
_DAY_US = 86400000000


def _leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _dim(y, m):
    return 29 if m == 2 and _leap(y) else _DIM[m]


def _ymd2ord(y, m, d):
    y1 = y - 1
    return y1 * 365 + y1 // 4 - y1 // 100 + y1 // 400 + sum(_DIM[1:m]) + (m > 2 and _leap(y)) + d


def _ord2ymd(n):
    # Howard Hinnant's civil_from_days, counted from 0001-01-01 (ordinal 1).
    era, doe = divmod(n + 305, 146097)
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    m = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (m <= 2), m, doy - (153 * mp + 2) // 5 + 1


def _ints(*vals):
    for v in vals:
        if not isinstance(v, int):
            raise TypeError(f"'{type(v).__name__}' object cannot be interpreted as an integer")


def _check_date(y, m, d):
    _ints(y, m, d)
    if not MINYEAR <= y <= MAXYEAR:
        raise ValueError(f"year {y} is out of range")
    if not 1 <= m <= 12:
        raise ValueError("month must be in 1..12")
    if not 1 <= d <= _dim(y, m):
        raise ValueError("day is out of range for month")


def _check_time(h, mi, s, us, tz):
    _ints(h, mi, s, us)
    for v, name, top in ((h, "hour", 23), (mi, "minute", 59), (s, "second", 59), (us, "microsecond", 999999)):
        if not 0 <= v <= top:
            raise ValueError(f"{name} must be in 0..{top}")
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError(f"tzinfo argument must be None or of a tzinfo subclass, not type '{type(tz).__name__}'")


def _tn(x):
    t = type(x)
    return f"datetime.{t.__name__}" if t.__module__ == "datetime" else t.__name__


def _nope(op, a, b):
    """A forward operator's answer for an operand it does not take: CPython's error for built-in
    types and ours, `NotImplemented` for others (which may take it reflected)."""
    if type(b).__module__ in ("builtins", "datetime"):
        raise TypeError(f"unsupported operand type(s) for {op}: '{_tn(a)}' and '{_tn(b)}'")
    return NotImplemented


def _hms(h, m, s, us, spec):
    # How many characters of "HH:MM:SS.ffffff" each timespec keeps.
    keep = {"auto": 15 if us else 8, "hours": 2, "minutes": 5, "seconds": 8, "milliseconds": 12, "microseconds": 15}
    if spec not in keep:
        raise ValueError("Unknown timespec value")
    return f"{h:02d}:{m:02d}:{s:02d}.{us:06d}"[: keep[spec]]


def _repr(obj, fields, least, tz):
    # CPython leaves out a zero microsecond, then a zero second.
    while len(fields) > least and not fields[-1]:
        fields.pop()
    return f"{_tn(obj)}({', '.join(str(f) for f in fields)}" + ("" if tz is None else f", tzinfo={tz!r}") + ")"


def _off(td, sep=":"):
    if td is None:
        return ""
    sign = "-" if td.days < 0 else "+"
    td = abs(td)
    s = f"{sign}{td.seconds // 3600:02d}{sep}{td.seconds // 60 % 60:02d}"
    if td.seconds % 60 or td.microseconds:
        s += f"{sep}{td.seconds % 60:02d}" + (f".{td.microseconds:06d}" if td.microseconds else "")
    return s


def _op(test, eq):
    """A comparison, on the keys `_cmp` gives (None: not comparable)."""

    def compare(self, o):
        k = self._cmp(o, eq)
        return NotImplemented if k is None else test(k[0], k[1])

    return compare


class _Base:
    _fields = ()

    def __setattr__(self, name, v):
        if name in self._fields:
            raise AttributeError(f"attribute '{name}' of '{_tn(self)}' objects is not writable")
        raise AttributeError(f"'{_tn(self)}' object has no attribute '{name}'")

    def __getattr__(self, name):
        raise AttributeError(f"'{_tn(self)}' object has no attribute '{name}'")

    def _set(self, values):
        for name, v in zip(self._fields, values):
            object.__setattr__(self, name, v)

    def replace(self, **changes):
        values = {f: getattr(self, f) for f in self._fields}
        for k in changes:
            if k not in values:
                raise TypeError(f"'{k}' is an invalid keyword argument for replace()")
        values.update(changes)
        return type(self)(**values)

    __eq__ = _op(lambda a, b: a == b, True)
    __ne__ = _op(lambda a, b: a != b, True)
    __lt__ = _op(lambda a, b: a < b, False)
    __le__ = _op(lambda a, b: a <= b, False)
    __gt__ = _op(lambda a, b: a > b, False)
    __ge__ = _op(lambda a, b: a >= b, False)

    def __hash__(self):
        return hash(self._cmp(self, True)[0])


class _When(_Base):
    """What dates and times share: `strftime` and `format()`."""

    def __format__(self, spec):
        return self.strftime(spec) if spec else str(self)

    def strftime(self, fmt):
        # %f, %z and %Z are datetime's own; the rest is time.strftime's.
        y, mo, d = getattr(self, "year", 1900), getattr(self, "month", 1), getattr(self, "day", 1)
        off = self.utcoffset() if hasattr(self, "utcoffset") else None
        out, i = [], 0
        while i < len(fmt):
            c = fmt[i : i + 2]
            i += 2
            if c == "%f":
                c = f"{getattr(self, 'microsecond', 0):06d}"
            elif c == "%z":
                c = _off(off, "")
            elif c == "%Z":
                c = "" if off is None else self.tzname().replace("%", "%%")
            elif c[:1] != "%":
                c = c[:1]
                i -= 1
            out.append(c)
        wday = (_ymd2ord(y, mo, d) + 6) % 7
        yday = _ymd2ord(y, mo, d) - _ymd2ord(y, 1, 1) + 1
        hms = (getattr(self, "hour", 0), getattr(self, "minute", 0), getattr(self, "second", 0))
        return _time.strftime("".join(out), (y, mo, d) + hms + (wday, yday, -1))


class timedelta(_Base):
    _fields = ("days", "seconds", "microseconds")

    def __init__(self, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0):
        names = ("days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks")
        for n, v in zip(names, (days, seconds, microseconds, milliseconds, minutes, hours, weeks)):
            if not isinstance(v, (int, float)):
                raise TypeError(f"unsupported type for timedelta {n} component: {type(v).__name__}")
        d = days + weeks * 7
        s = seconds + minutes * 60 + hours * 3600
        us = microseconds + milliseconds * 1000
        if isinstance(d, float):
            d, frac = divmod(d, 1)
            s += frac * 86400
        if isinstance(s, float):
            s, frac = divmod(s, 1)
            us += frac * 1000000
        s, us = divmod(int(s) * 1000000 + round(us), 1000000)
        dd, s = divmod(s, 86400)
        d = int(d) + dd
        if abs(d) >= 2**31:
            raise OverflowError("Python int too large to convert to C int")
        if abs(d) > 999999999:
            raise OverflowError(f"days={d}; must have magnitude <= 999999999")
        self._set((d, s, us))

    def _us(self):
        return (self.days * 86400 + self.seconds) * 1000000 + self.microseconds

    def _cmp(self, o, eq):
        return (self._us(), o._us()) if isinstance(o, timedelta) else None

    def total_seconds(self):
        return self._us() / 10**6

    def __repr__(self):
        args = [f"{n}={getattr(self, n)}" for n in self._fields if getattr(self, n)]
        return f"{_tn(self)}({', '.join(args) or '0'})"

    def __str__(self):
        s = f"{self.seconds // 3600}:{self.seconds // 60 % 60:02d}:{self.seconds % 60:02d}"
        if self.days:
            s = f"{self.days} day{'' if abs(self.days) == 1 else 's'}, " + s
        return s + (f".{self.microseconds:06d}" if self.microseconds else "")

    def __bool__(self):
        return self._us() != 0

    def __format__(self, spec):
        if spec:
            raise TypeError("unsupported format string passed to datetime.timedelta.__format__")
        return str(self)

    def __add__(self, o):
        if isinstance(o, timedelta):
            return timedelta(self.days + o.days, self.seconds + o.seconds, self.microseconds + o.microseconds)
        return NotImplemented if isinstance(o, date) else _nope("+", self, o)

    def __radd__(self, o):
        return _nope("+", o, self)

    def __sub__(self, o):
        return self + -o if isinstance(o, timedelta) else _nope("-", self, o)

    def __rsub__(self, o):
        return _nope("-", o, self)

    def __neg__(self):
        return timedelta(-self.days, -self.seconds, -self.microseconds)

    def __pos__(self):
        return self

    def __abs__(self):
        return -self if self.days < 0 else self

    def __mul__(self, o):
        if isinstance(o, (int, float)):
            return timedelta(microseconds=round(self._us() * o))
        return _nope("*", self, o)

    def __rmul__(self, o):
        return self * o if isinstance(o, (int, float)) else _nope("*", o, self)

    def __truediv__(self, o):
        if isinstance(o, timedelta):
            return self._us() / o._us()
        if isinstance(o, (int, float)):
            if o == 0 and isinstance(o, int):
                raise ZeroDivisionError("integer division or modulo by zero")
            return timedelta(microseconds=round(self._us() / o))
        return _nope("/", self, o)

    def __floordiv__(self, o):
        if isinstance(o, timedelta):
            return self._us() // o._us()
        return timedelta(microseconds=self._us() // o) if isinstance(o, int) else _nope("//", self, o)

    def __mod__(self, o):
        return timedelta(microseconds=self._us() % o._us()) if isinstance(o, timedelta) else _nope("%", self, o)


class tzinfo:
    """The base of time zones: a subclass gives `utcoffset(dt)` and `tzname(dt)`."""


class timezone(tzinfo):
    def __init__(self, offset, name=None):
        if not isinstance(offset, timedelta):
            raise TypeError(f"timezone() argument 1 must be datetime.timedelta, not {type(offset).__name__}")
        if not timedelta(-1) < offset < timedelta(1):
            raise ValueError(
                "offset must be a timedelta strictly between -timedelta(hours=24) and "
                f"timedelta(hours=24), not {offset!r}."
            )
        self._offset = offset
        self._name = name

    def utcoffset(self, dt):
        return self._offset

    def dst(self, dt):
        return None

    def tzname(self, dt):
        if self._name is not None:
            return self._name
        return "UTC" + _off(self._offset) if self._offset else "UTC"

    def __str__(self):
        return self.tzname(None)

    def __repr__(self):
        if self._name is None:
            return f"datetime.timezone({self._offset!r})" if self._offset else "datetime.timezone.utc"
        return f"datetime.timezone({self._offset!r}, {self._name!r})"

    def __eq__(self, o):
        return self._offset == o._offset if isinstance(o, timezone) else NotImplemented

    def __hash__(self):
        return hash(self._offset)


def _isoweek1monday(year):
    first = _ymd2ord(year, 1, 1)
    wd = (first + 6) % 7
    return first - wd + (7 if wd > 3 else 0)


def _isoweek_to_gregorian(year, week, day):
    _ints(year, week, day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f"Year is out of range: {year}")
    if not 0 < week < 53:
        first = _ymd2ord(year, 1, 1) % 7
        if not (week == 53 and (first == 4 or (first == 3 and _leap(year)))):
            raise ValueError(f"Invalid week: {week}")
    if not 0 < day < 8:
        raise ValueError(f"Invalid day: {day} (range is [1, 7])")
    return _ord2ymd(_isoweek1monday(year) + (week - 1) * 7 + day - 1)


class IsoCalendarDate:
    """What `date.isocalendar()` answers: (year, week, weekday), named."""

    def __init__(self, year, week, weekday):
        self._t = (year, week, weekday)

    year = property(lambda self: self._t[0])
    week = property(lambda self: self._t[1])
    weekday = property(lambda self: self._t[2])

    def __getitem__(self, i):
        return self._t[i]

    def __iter__(self):
        return iter(self._t)

    def __len__(self):
        return 3

    def __eq__(self, o):
        return self._t == (o._t if isinstance(o, IsoCalendarDate) else o)

    def __ne__(self, o):
        return not self == o

    def __lt__(self, o):
        return self._t < (o._t if isinstance(o, IsoCalendarDate) else o)

    def __hash__(self):
        return hash(self._t)

    def __repr__(self):
        return f"datetime.IsoCalendarDate(year={self._t[0]}, week={self._t[1]}, weekday={self._t[2]})"


# ----- fromisoformat: CPython's C parser (Modules/_datetimemodule.c), as Lib/datetime.py ports it:
# ASCII digits only, and a value out of range says so rather than "Invalid isoformat string".
def _num(s):
    if not s or any(c not in "0123456789" for c in s):
        raise ValueError("not a number")
    return int(s)


def _iso_sep(s):
    n = len(s)
    if n == 7:
        return 7
    if s[4] == "-":
        if s[5] == "W":
            if n > 8 and s[8] == "-":
                if n == 9:
                    raise ValueError("Invalid ISO string")
                return 8 if n > 10 and s[10] in "0123456789" else 10
            return 8
        return 10
    if s[4] == "W":
        i = 7
        while i < n and s[i] in "0123456789":
            i += 1
        if i < 9:
            return i
        return 7 if i % 2 == 0 else 8
    return 8


def _iso_date(s):
    if len(s) not in (7, 8, 10):
        raise ValueError("bad length")
    year = _num(s[0:4])
    sep = s[4] == "-"
    pos = 4 + sep
    if s[pos : pos + 1] == "W":
        pos += 1
        week = _num(s[pos : pos + 2])
        pos += 2
        day = 1
        if len(s) > pos:
            if (s[pos : pos + 1] == "-") != sep:
                raise ValueError("Inconsistent use of dash separator")
            pos += sep
            day = _num(s[pos : pos + 1])
            if len(s) > pos + 1:
                raise ValueError("trailing characters")
        return ("week", year, week, day)
    month = _num(s[pos : pos + 2])
    pos += 2
    if (s[pos : pos + 1] == "-") != sep:
        raise ValueError("Inconsistent use of dash separator")
    pos += sep
    day = _num(s[pos : pos + 2])
    if len(s) > pos + 2:
        raise ValueError("trailing characters")
    return ("ymd", year, month, day)


def _iso_ymd(parts):
    if parts[0] == "week":
        return list(_isoweek_to_gregorian(*parts[1:]))
    return list(parts[1:])


def _hhmmss(s):
    comps = [0, 0, 0, 0]
    pos = 0
    sep = False
    for i in range(3):
        if len(s) - pos < 2:
            raise ValueError("Incomplete time component")
        comps[i] = _num(s[pos : pos + 2])
        pos += 2
        nxt = s[pos : pos + 1]
        if i == 0:
            sep = nxt == ":"
        if not nxt or i >= 2:
            break
        if sep and nxt != ":":
            raise ValueError("Invalid time separator")
        pos += sep
    if pos < len(s):
        if s[pos] not in ".,":
            raise ValueError("Invalid microsecond component")
        pos += 1
        rest = s[pos:]
        take = min(len(rest), 6)
        comps[3] = _num(rest[:take]) * 10 ** (6 - take)
        _num(rest[take:] or "0")
    return comps


def _iso_time(s):
    if len(s) < 2:
        raise ValueError("Isoformat time too short")
    tz_pos = s.find("-") + 1 or s.find("+") + 1 or s.find("Z") + 1
    comps = _hhmmss(s[: tz_pos - 1] if tz_pos > 0 else s)
    tz = None
    if tz_pos == len(s) and s[-1] == "Z":
        tz = timezone.utc
    elif tz_pos > 0:
        tzs = s[tz_pos:]
        if len(tzs) in (0, 1, 3):
            raise ValueError("Malformed time zone string")
        t = _hhmmss(tzs)
        if not any(t):
            tz = timezone.utc
        else:
            td = timedelta(hours=t[0], minutes=t[1], seconds=t[2], microseconds=t[3])
            tz = ("tz", -1 if s[tz_pos - 1] == "-" else 1, td)
    return comps + [tz]


def _iso_tz(comps):
    tz = comps[4]
    if isinstance(tz, tuple):
        comps[4] = timezone(tz[1] * tz[2])
    return comps


def _isostr(s):
    if not isinstance(s, str):
        raise TypeError("fromisoformat: argument must be str")
    return s


def _ts(t):
    """(year, month, day, hour, minute, second, microsecond) in UTC of a timestamp."""
    s, us = divmod(round(t * 1000000), 1000000)
    d, s = divmod(s, 86400)
    return _ord2ymd(d + _UNIX) + (s // 3600, s // 60 % 60, s % 60, us)


class date(_When):
    _fields = ("year", "month", "day")

    def __init__(self, year, month, day):
        _check_date(year, month, day)
        self._set((year, month, day))

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromtimestamp(cls, t):
        return cls(*_ts(t)[:3])

    @classmethod
    def fromordinal(cls, n):
        _ints(n)
        if n < 1:
            raise ValueError("ordinal must be >= 1")
        if n > _MAXORD:
            raise ValueError(f"year {_ord2ymd(n)[0]} is out of range")
        return cls(*_ord2ymd(n))

    @classmethod
    def fromisoformat(cls, date_string):
        s = _isostr(date_string)
        try:
            ymd = _iso_ymd(_iso_date(s))
        except ValueError:
            raise ValueError(f"Invalid isoformat string: {s!r}") from None
        return cls(*ymd)

    @classmethod
    def fromisocalendar(cls, year, week, day):
        return cls(*_isoweek_to_gregorian(year, week, day))

    def isocalendar(self):
        year = self.year
        today = self.toordinal()
        week, day = divmod(today - _isoweek1monday(year), 7)
        if week < 0:
            year -= 1
            week, day = divmod(today - _isoweek1monday(year), 7)
        elif week >= 52 and today >= _isoweek1monday(year + 1):
            year += 1
            week = 0
        return IsoCalendarDate(year, week + 1, day + 1)

    def toordinal(self):
        return _ymd2ord(self.year, self.month, self.day)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.weekday() + 1

    def isoformat(self):
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def ctime(self):
        return self.strftime("%a %b %e %H:%M:%S %Y")

    def _cmp(self, o, eq):
        ok = isinstance(o, date) and not isinstance(o, datetime)
        return (self.toordinal(), o.toordinal()) if ok else None

    def __str__(self):
        return self.isoformat()

    def __repr__(self):
        return f"{_tn(self)}({self.year}, {self.month}, {self.day})"

    def __add__(self, o):
        if not isinstance(o, timedelta):
            return _nope("+", self, o)
        n = self.toordinal() + o.days
        if not 1 <= n <= _MAXORD:
            raise OverflowError("date value out of range")
        return date(*_ord2ymd(n))

    def __radd__(self, o):
        return self + o if isinstance(o, timedelta) else _nope("+", o, self)

    def __sub__(self, o):
        if isinstance(o, timedelta):
            return self + -o
        if isinstance(o, date) and not isinstance(o, datetime):
            return timedelta(self.toordinal() - o.toordinal())
        return _nope("-", self, o)


class time(_When):
    _fields = ("hour", "minute", "second", "microsecond", "tzinfo")

    def __init__(self, hour=0, minute=0, second=0, microsecond=0, tzinfo=None):
        _check_time(hour, minute, second, microsecond, tzinfo)
        self._set((hour, minute, second, microsecond, tzinfo))

    @classmethod
    def fromisoformat(cls, time_string):
        s = _isostr(time_string)
        s = s[1:] if s[:1] == "T" else s
        try:
            comps = _iso_time(s)
        except ValueError:
            raise ValueError(f"Invalid isoformat string: {s!r}") from None
        return cls(*_iso_tz(comps))

    def _cmp(self, o, eq):
        return (self._key(), o._key()) if isinstance(o, time) else None

    def _key(self):
        return (self.hour, self.minute, self.second, self.microsecond)

    def isoformat(self, timespec="auto"):
        return _hms(*self._key(), timespec) + _off(self.tzinfo and self.tzinfo.utcoffset(None))

    def __str__(self):
        return self.isoformat()

    def __repr__(self):
        return _repr(self, list(self._key()), 2, self.tzinfo)


class datetime(date):
    _fields = ("year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo")

    def __init__(self, year, month, day, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        _check_date(year, month, day)
        _check_time(hour, minute, second, microsecond, tzinfo)
        self._set((year, month, day, hour, minute, second, microsecond, tzinfo))

    @classmethod
    def now(cls, tz=None):
        t = _time.time()
        _time.localtime()  # says, once, beside the output, what clock this is
        return cls.fromtimestamp(t, tz)

    @classmethod
    def utcnow(cls):
        t = _time.time()
        _time.localtime()
        return cls.utcfromtimestamp(t)

    @classmethod
    def utcfromtimestamp(cls, t):
        return cls(*_ts(t))

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        dt = cls.utcfromtimestamp(t)
        return dt if tz is None else (dt + tz.utcoffset(dt)).replace(tzinfo=tz)

    @classmethod
    def fromisoformat(cls, date_string):
        s = _isostr(date_string)
        try:
            if len(s) < 7:
                raise ValueError("too short")
            at = _iso_sep(s)
            ymd = _iso_ymd(_iso_date(s[:at]))
            t = s[at + 1 :]
            if at < len(s) and not t:
                raise ValueError("no time after the separator")
            comps = _iso_time(t) if t else [0, 0, 0, 0, None]
        except ValueError:
            raise ValueError(f"Invalid isoformat string: {s!r}") from None
        return cls(*ymd, *_iso_tz(comps))

    @classmethod
    def strptime(cls, date_string, format):
        return _strptime(cls, date_string, format)

    @classmethod
    def combine(cls, d, t, tzinfo=True):
        return cls(d.year, d.month, d.day, *t._key(), t.tzinfo if tzinfo is True else tzinfo)

    def _local(self):
        s = self.toordinal() * 86400 + self.hour * 3600 + self.minute * 60 + self.second
        return s * 1000000 + self.microsecond

    def _abs(self):
        off = self.utcoffset()
        return self._local() - (0 if off is None else off._us())

    def _cmp(self, o, eq):
        if isinstance(o, datetime):
            if (self.tzinfo is None) == (o.tzinfo is None):
                return self._abs(), o._abs()
            if eq:
                return 0, 1
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        if isinstance(o, date) and not eq:
            raise TypeError("can't compare datetime.datetime to datetime.date")
        return None

    def date(self):
        return date(self.year, self.month, self.day)

    def time(self):
        return time(self.hour, self.minute, self.second, self.microsecond)

    def utcoffset(self):
        return None if self.tzinfo is None else self.tzinfo.utcoffset(self)

    def tzname(self):
        return None if self.tzinfo is None else self.tzinfo.tzname(self)

    def timestamp(self):
        return (self._abs() - _UNIX * _DAY_US) / 10**6

    def astimezone(self, tz=None):
        tz = timezone(timedelta(0), "UTC") if tz is None else tz
        return _from_us(self._abs() + tz.utcoffset(self)._us(), tz)

    def isoformat(self, sep="T", timespec="auto"):
        t = _hms(self.hour, self.minute, self.second, self.microsecond, timespec)
        return f"{date.isoformat(self)}{sep}{t}{_off(self.utcoffset())}"

    def __str__(self):
        return self.isoformat(" ")

    def __repr__(self):
        return _repr(self, [self.year, self.month, self.day, *self.time()._key()], 5, self.tzinfo)

    def __add__(self, o):
        if isinstance(o, timedelta):
            return _from_us(self._local() + o._us(), self.tzinfo)
        return _nope("+", self, o)

    def __sub__(self, o):
        if isinstance(o, timedelta):
            return self + -o
        if not isinstance(o, datetime):
            return _nope("-", self, o)
        if (self.tzinfo is None) != (o.tzinfo is None):
            raise TypeError("can't subtract offset-naive and offset-aware datetimes")
        return timedelta(microseconds=self._abs() - o._abs())


# ----- strptime: CPython's Lib/_strptime.py in the C locale, its regular expressions written
# out as lists of alternatives (tried in order, with backtracking, as `re` tries them).
_MONTHS = "january february march april may june july august september october november december".split()
_DAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_NUM = {
    "d": "3[01]|[12]d|0[1-9]|[1-9]| [1-9]",
    "H": "2[0-3]|[01]d|d",
    "I": "1[0-2]|0[1-9]|[1-9]",
    "j": "36[0-6]|3[0-5]d|[12]dd|0[1-9]d|00[1-9]|[1-9]d|0[1-9]|[1-9]",
    "m": "1[0-2]|0[1-9]|[1-9]",
    "M": "[0-5]d|d",
    "S": "6[01]|[0-5]d|d",
    "w": "[0-6]",
    "u": "[1-7]",
    "y": "dd",
    "Y": "dddd",
}
_NAMES = {
    "B": _MONTHS,
    "b": [m[:3] for m in _MONTHS],
    "A": _DAYS,
    "a": [d[:3] for d in _DAYS],
    "p": ["am", "pm"],
    "Z": ["utc", "gmt"],
}
_WS = " \t\n\r\x0b\x0c"


def _class_ok(cls, c):
    if cls == "d":
        return "0" <= c <= "9"
    if cls[0] == "[":
        k = 1
        while cls[k] != "]":
            if cls[k + 1] == "-":
                if cls[k] <= c <= cls[k + 2]:
                    return True
                k += 3
            else:
                if cls[k] == c:
                    return True
                k += 1
        return False
    return cls == c


def _alt_len(alt, s, pos):
    # The length `alt` (digits, `d` for any digit, `[..]` classes) matches at pos, or -1.
    n, k = 0, 0
    while k < len(alt):
        end = alt.index("]", k) + 1 if alt[k] == "[" else k + 1
        if pos + n >= len(s) or not _class_ok(alt[k:end], s[pos + n]):
            return -1
        n += 1
        k = end
    return n


def _lengths(d, s, pos):
    if d in _NUM:
        out = [_alt_len(a, s, pos) for a in _NUM[d].split("|")]
        return [n for n in out if n >= 0]
    if d in _NAMES:
        low = s[pos:].lower()
        return [len(w) for w in sorted(_NAMES[d], key=len, reverse=True) if low.startswith(w)]
    if d == "f":
        n = 0
        while n < 6 and pos + n < len(s) and "0" <= s[pos + n] <= "9":
            n += 1
        return list(range(n, 0, -1))
    if d == "z":
        t = s[pos:]
        if t[:1] == "Z":
            return [1]
        out = []
        if t[:1] in ("+", "-") and _alt_len("dd", t, 1) == 2:
            k = 3 + (t[3:4] == ":")
            if _alt_len("[0-5]d", t, k) == 2:
                out.append(k + 2)
                j = k + 2 + (t[k + 2 : k + 3] == ":")
                if _alt_len("[0-5]d", t, j) == 2:
                    out.insert(0, j + 2)
                    if t[j + 2 : j + 3] == ".":
                        n = 0
                        while n < 6 and _alt_len("d", t, j + 3 + n) == 1:
                            n += 1
                        out[:0] = [j + 3 + i for i in range(n, 0, -1)]
        return out
    return None


def _tokens(fmt):
    toks, i = [], 0
    while i < len(fmt):
        c = fmt[i]
        if c == "%":
            if i + 1 >= len(fmt):
                raise ValueError(f"stray % in format '{fmt}'")
            d = fmt[i + 1]
            i += 2
            if d in "cxX":
                toks += _tokens({"c": "%a %b %d %H:%M:%S %Y", "x": "%m/%d/%y", "X": "%H:%M:%S"}[d])
            elif d == "%":
                toks.append(("%", None))
            elif _lengths(d, "", 0) is None:
                raise ValueError(f"'{d}' is a bad directive in format '{fmt}'")
            else:
                toks.append(("%", d))
        elif c in _WS or c.isspace():
            while i < len(fmt) and (fmt[i] in _WS or fmt[i].isspace()):
                i += 1
            toks.append((" ", None))
        else:
            toks.append((c.lower(), None))
            i += 1
    return toks


def _match(toks, k, s, pos, found):
    if k == len(toks):
        return pos
    t, d = toks[k]
    if t == " ":
        n = 0
        while pos + n < len(s) and s[pos + n].isspace():
            n += 1
        cands = list(range(n, 0, -1))
    elif d is None:
        want = "%" if t == "%" else t
        cands = [1] if s[pos : pos + 1].lower() == want else []
    else:
        cands = _lengths(d, s, pos)
    for n in cands:
        if d is not None:
            found[d] = s[pos : pos + n]
        end = _match(toks, k + 1, s, pos + n, found)
        if end is not None:
            return end
    return None


def _strptime(cls, s, fmt):
    for i, a in enumerate((s, fmt)):
        if not isinstance(a, str):
            raise TypeError(f"strptime() argument {i + 1} must be str, not {type(a).__name__}")
    found = {}
    end = _match(_tokens(fmt), 0, s, 0, found)
    if end is None:
        raise ValueError(f"time data {s!r} does not match format {fmt!r}")
    if end != len(s):
        raise ValueError(f"unconverted data remains: {s[end:]}")
    g = {k: v.lower() for k, v in found.items()}
    year = None
    month = day = 1
    hour = minute = second = us = 0
    julian = off = None
    for k, v in g.items():
        if k == "y":
            year = int(v)
            year += 2000 if year <= 68 else 1900
        elif k == "Y":
            year = int(v)
        elif k == "m":
            month = int(v)
        elif k in "Bb":
            month = _NAMES[k].index(v) + 1
        elif k == "d":
            day = int(v)
        elif k == "H":
            hour = int(v)
        elif k == "I":
            hour = int(v)
            ampm = g.get("p", "")
            if ampm in ("", "am") and hour == 12:
                hour = 0
            elif ampm == "pm" and hour != 12:
                hour += 12
        elif k == "M":
            minute = int(v)
        elif k == "S":
            second = int(v)
        elif k == "f":
            us = int(v + "0" * (6 - len(v)))
        elif k == "j":
            julian = int(v)
    z = g.get("z")
    if z is not None:
        if z == "z":
            off = timedelta(0)
        else:
            if z[3] == ":":
                z = z[:3] + z[4:]
            if len(z) > 5:
                if z[5] != ":":
                    raise ValueError(f"Inconsistent use of : in {found['z']}")
                z = z[:5] + z[6:]
            secs = int(z[1:3]) * 3600 + int(z[3:5]) * 60 + int(z[5:7] or 0)
            frac = int(z[8:] + "0" * (6 - len(z[8:])))
            off = timedelta(seconds=secs, microseconds=frac)
            if z[0] == "-":
                off = -off
    leap_fix = year is None and month == 2 and day == 29
    if year is None:
        year = 1904 if leap_fix else 1900
    if julian is not None:
        year, month, day = _ord2ymd(_ymd2ord(year, 1, 1) + julian - 1)
    else:
        _check_date(year, month, day)
    if leap_fix:
        year = 1900
    tz = None
    if off is not None:
        tz = timezone(off, found["Z"]) if "Z" in found else timezone(off)
    return cls(year, month, day, hour, minute, second, us, tz)


def _from_us(us, tz):
    d, us = divmod(us, _DAY_US)
    if not 1 <= d <= _MAXORD:
        raise OverflowError("date value out of range")
    s, us = divmod(us, 1000000)
    return datetime(*_ord2ymd(d), s // 3600, s // 60 % 60, s % 60, us, tz)


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(999999999, 86399, 999999)
timedelta.resolution = timedelta(microseconds=1)
date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
timezone.utc = timezone(timedelta(0))
UTC = timezone.utc
