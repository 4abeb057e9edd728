"""`re.RegexFlag` and the flags (`re.IGNORECASE`, `re.I`…), as CPython's: loaded by `re` when a
program first names one (see `re.__getattr__`)."""

__all__ = [
    "RegexFlag",
    "NOFLAG",
    "ASCII",
    "A",
    "IGNORECASE",
    "I",
    "LOCALE",
    "L",
    "UNICODE",
    "U",
    "MULTILINE",
    "M",
    "DOTALL",
    "S",
    "VERBOSE",
    "X",
    "DEBUG",
]

# Its members in CPython's order of definition, which its names of combined flags
# follow (`re.ASCII|re.IGNORECASE`).
_MEMBERS = (
    (256, "ASCII"),
    (2, "IGNORECASE"),
    (4, "LOCALE"),
    (32, "UNICODE"),
    (8, "MULTILINE"),
    (16, "DOTALL"),
    (64, "VERBOSE"),
    (1, "TEMPLATE"),
    (128, "DEBUG"),
)
_ALL = 511
_flags = {}  # every RegexFlag made, by value (CPython keeps its combined flags too)


def _names(value):
    if value == 0:
        return ["NOFLAG"]
    names = [name for bit, name in _MEMBERS if value & bit]
    if names and value & ~_ALL:
        names.append(hex(value & ~_ALL))
    return names


class RegexFlag:
    """re's flags, as CPython's `RegexFlag` (an `enum.IntFlag`): ints to the engine (through
    `__builtin_base__`, their value in `_value_`: `isinstance`, `json`, indexing, `flags=`)
    that print by name (`re.IGNORECASE|re.MULTILINE`), combine with `|`, `&`, `^` and `~` into
    flags, and compare, hash and compute (`+`, `-`, `*`) as their values. Written here rather
    than on the engine's `enum`, whose import would more than double `import re`'s time."""

    __builtin_base__ = int
    __module__ = "re"

    def __new__(cls, value):
        try:
            return _flags[value]
        except (KeyError, TypeError):
            pass
        if not isinstance(value, int):
            raise ValueError("%r is not a valid RegexFlag" % (value,))
        value = int(value)
        if value < 0:
            # CPython's Flag boundary KEEP: the bits of a negative value, as many as it has.
            value += max(_ALL + 1, 2 ** value.bit_length())
        flag = _flags.get(value)
        if flag is None:
            flag = object.__new__(cls)
            flag._value_ = value
            _flags[value] = flag
        return flag

    def __init__(self, value):
        pass

    @property
    def value(self):
        return self._value_

    @property
    def name(self):
        names = _names(self._value_)
        return "|".join(names) if names else None

    def __repr__(self):
        names = _names(self._value_)
        if not names:
            return "re.RegexFlag(%d)" % self._value_
        return "|".join(n if n.startswith("0x") else "re." + n for n in names)

    __str__ = __repr__

    def __format__(self, spec):
        return format(self._value_, spec) if spec else repr(self)

    def __or__(self, other):
        return RegexFlag(self._value_ | int(other)) if isinstance(other, int) else NotImplemented

    def __and__(self, other):
        return RegexFlag(self._value_ & int(other)) if isinstance(other, int) else NotImplemented

    def __xor__(self, other):
        return RegexFlag(self._value_ ^ int(other)) if isinstance(other, int) else NotImplemented

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        return RegexFlag(~self._value_)

    def __contains__(self, other):
        if not isinstance(other, RegexFlag):
            raise TypeError(
                "unsupported operand type(s) for 'in': %r and 'RegexFlag'" % (type(other).__qualname__,)
            )
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        return iter([RegexFlag(bit) for bit, _ in _MEMBERS if self._value_ & bit])

    def __len__(self):
        return len([bit for bit, _ in _MEMBERS if self._value_ & bit])

    def __eq__(self, other):
        return self._value_ == other

    def __ne__(self, other):
        return self._value_ != other

    def __lt__(self, other):
        return self._value_ < other

    def __le__(self, other):
        return self._value_ <= other

    def __gt__(self, other):
        return self._value_ > other

    def __ge__(self, other):
        return self._value_ >= other

    def __hash__(self):
        return hash(self._value_)

    def __bool__(self):
        return self._value_ != 0

    def __int__(self):
        return self._value_

    __index__ = __int__

    def __float__(self):
        return float(self._value_)

    def __add__(self, other):
        return self._value_ + other

    def __radd__(self, other):
        return other + self._value_

    def __sub__(self, other):
        return self._value_ - other

    def __rsub__(self, other):
        return other - self._value_

    def __mul__(self, other):
        return self._value_ * other

    __rmul__ = __mul__

    def __neg__(self):
        return -self._value_

    def __getattr__(self, name):
        # The int's own attributes (`bit_length()`, `real`).
        if name.startswith("_"):
            raise AttributeError("'RegexFlag' object has no attribute '%s'" % name)
        return getattr(self._value_, name)

    # The class's own repr, iteration and len (EnumType's, a metaclass's, in CPython): see
    # the engine's `call::class_hook`.
    @classmethod
    def __class_repr__(cls):
        return "<flag 'RegexFlag'>"

    @classmethod
    def __class_iter__(cls):
        return [RegexFlag(bit) for bit, _ in _MEMBERS]

    @classmethod
    def __class_len__(cls):
        return len(_MEMBERS)


NOFLAG = RegexFlag.NOFLAG = RegexFlag(0)
ASCII = A = RegexFlag.ASCII = RegexFlag.A = RegexFlag(256)
IGNORECASE = I = RegexFlag.IGNORECASE = RegexFlag.I = RegexFlag(2)
LOCALE = L = RegexFlag.LOCALE = RegexFlag.L = RegexFlag(4)
UNICODE = U = RegexFlag.UNICODE = RegexFlag.U = RegexFlag(32)
MULTILINE = M = RegexFlag.MULTILINE = RegexFlag.M = RegexFlag(8)
DOTALL = S = RegexFlag.DOTALL = RegexFlag.S = RegexFlag(16)
VERBOSE = X = RegexFlag.VERBOSE = RegexFlag.X = RegexFlag(64)
RegexFlag.TEMPLATE = RegexFlag.T = RegexFlag(1)
DEBUG = RegexFlag.DEBUG = RegexFlag(128)
