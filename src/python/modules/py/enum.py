"""enum, as CPython 3.11 has it for the programs a learner writes: Enum, IntEnum, StrEnum,
Flag and IntFlag, auto, unique.

The engine has no metaclasses, so what CPython's EnumType does is done here in two ways:
Enum.__init_subclass__ turns the class body's values into members when a subclass is made,
and the class-level hooks the engine asks a user class for (see call::class_hook in the
engine) give the class its own iteration, len, `in`, indexing, repr and attribute rules:
__class_iter__, __class_len__, __class_contains__, __class_getitem__, __class_repr__,
__class_getattr__, __class_setattr__ and __class_delattr__. `State(1)` is Enum.__new__.
Built-in types cannot be subclassed here: IntEnum and StrEnum members (and those of
`class C(int, Enum)`, `class C(str, Enum)`) are not int or str instances, but compare, hash,
format and compute as their values do.
"""

__all__ = ["Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "ReprEnum", "EnumType", "EnumMeta",
           "auto", "unique", "verify", "member", "nonmember", "property"]

_property = property


class _NoArg:
    def __repr__(self):
        return "_auto_null"


_auto_null = _NoArg()
_no_arg = _NoArg()


class auto:
    """The next value for a member, from _generate_next_value_."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % (self.value,)


class member:
    def __init__(self, value):
        self.value = value


class nonmember:
    def __init__(self, value):
        self.value = value


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == "__" and name[2] != "_" and name[-3] != "_"


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == "_" and name[1] != "_" and name[-2] != "_"


def _is_private(cls_name, name):
    if name.startswith("_%s__" % cls_name.lstrip("_")):
        return True
    return name.startswith("__") and not name.endswith("__")


_DESCRIPTORS = ("function", "staticmethod", "classmethod", "property", "builtin_function_or_method",
                "method")


def _is_descriptor(value):
    kind = type(value)
    return kind.__name__ in _DESCRIPTORS or hasattr(kind, "__get__") or hasattr(kind, "__set__")


def _plain(v):
    """A member's value, for the int and str behaviours; anything else as it is."""
    if isinstance(v, Enum):
        return v._value_
    return v


class EnumType:
    """Stands in for the metaclass (there are none here): `type(Color)` is not this class."""


EnumMeta = EnumType
# Defined below; the classes before it are made while it is still None.
Flag = None


def _make_members(cls):
    ns = cls.__dict__
    for base in cls.__mro__[1:]:
        if base.__dict__.get("_member_names_"):
            raise TypeError("%r cannot extend %r" % (cls, base))
    if "__init__" in ns:
        # Run on each member as it is made; `Color(value)` must not run it again.
        type.__setattr__(cls, "_member_init_", ns["__init__"])
        del cls.__init__
    names = []
    member_map = {}
    value_map = {}
    last_values = []
    type.__setattr__(cls, "_member_names_", names)
    type.__setattr__(cls, "_member_map_", member_map)
    type.__setattr__(cls, "_value2member_map_", value_map)
    type.__setattr__(cls, "__members__", member_map)
    flag = Flag is not None and issubclass(cls, Flag)
    for name, value in ns.items():
        if isinstance(value, nonmember):
            type.__setattr__(cls, name, value.value)
            continue
        if isinstance(value, member):
            value = value.value
        elif (_is_dunder(name) or _is_sunder(name) or _is_private(cls.__name__, name)
              or _is_descriptor(value)):
            continue
        if isinstance(value, auto):
            if value.value is _auto_null:
                value.value = cls._generate_next_value_(name, 1, len(member_map), last_values[:])
            value = value.value
        last_values.append(value)
        made = _new_member(cls, name, value)
        canonical = None
        for other in member_map.values():
            if other._value_ == made._value_:
                canonical = other
                break
        if canonical is None:
            if not flag or _is_single_bit(made._value_):
                names.append(name)
            canonical = made
        member_map[name] = canonical
        try:
            if made._value_ not in value_map:
                value_map[made._value_] = canonical
        except TypeError:
            pass
        type.__setattr__(cls, name, canonical)
    if flag:
        mask = 0
        for m in member_map.values():
            mask |= m._value_
        type.__setattr__(cls, "_flag_mask_", mask)


def _new_member(cls, name, value):
    args = value if isinstance(value, tuple) else (value,)
    kind = getattr(cls, "_member_type_", None)
    made = object.__new__(cls)
    if kind is int:
        if isinstance(value, (int, float, str)):
            made._value_ = int(value)
        else:
            made._value_ = int(*args)
    elif kind is str:
        if getattr(cls, "_strict_str_", False):
            for v in args:
                if not isinstance(v, str):
                    raise TypeError("%r is not a string" % (v,))
        made._value_ = str(*args)
    else:
        made._value_ = value
    made._name_ = name
    init = getattr(cls, "_member_init_", None)
    if init is not None:
        init(made, *args)
    return made


def _is_single_bit(value):
    return isinstance(value, int) and value > 0 and value & (value - 1) == 0


class _ValueLike:
    """What members of an int- or str-valued enum do as their values: compare, hash, and
    answer the value's methods."""

    def __eq__(self, other):
        return self._value_ == _plain(other)

    def __ne__(self, other):
        return self._value_ != _plain(other)

    def __lt__(self, other):
        return self._value_ < _plain(other)

    def __le__(self, other):
        return self._value_ <= _plain(other)

    def __gt__(self, other):
        return self._value_ > _plain(other)

    def __ge__(self, other):
        return self._value_ >= _plain(other)

    def __hash__(self):
        return hash(self._value_)

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError("'%s' object has no attribute '%s'" % (type(self).__name__, name))
        return getattr(self._value_, name)


class _IntLike(_ValueLike):
    """What members of an int-valued enum do as ints: the engine counts them as int
    instances (`isinstance`, `json`) through `__builtin_base__`."""

    _member_type_ = int
    __builtin_base__ = int

    def __bool__(self):
        return self._value_ != 0

    def __int__(self):
        return self._value_

    def __index__(self):
        return self._value_

    def __float__(self):
        return float(self._value_)

    def __add__(self, other):
        return self._value_ + _plain(other)

    def __radd__(self, other):
        return _plain(other) + self._value_

    def __sub__(self, other):
        return self._value_ - _plain(other)

    def __rsub__(self, other):
        return _plain(other) - self._value_

    def __mul__(self, other):
        return self._value_ * _plain(other)

    def __rmul__(self, other):
        return _plain(other) * self._value_

    def __truediv__(self, other):
        return self._value_ / _plain(other)

    def __rtruediv__(self, other):
        return _plain(other) / self._value_

    def __floordiv__(self, other):
        return self._value_ // _plain(other)

    def __rfloordiv__(self, other):
        return _plain(other) // self._value_

    def __mod__(self, other):
        return self._value_ % _plain(other)

    def __rmod__(self, other):
        return _plain(other) % self._value_

    def __divmod__(self, other):
        return divmod(self._value_, _plain(other))

    def __rdivmod__(self, other):
        return divmod(_plain(other), self._value_)

    def __pow__(self, other):
        return self._value_ ** _plain(other)

    def __rpow__(self, other):
        return _plain(other) ** self._value_

    def __and__(self, other):
        return self._value_ & _plain(other)

    def __rand__(self, other):
        return _plain(other) & self._value_

    def __or__(self, other):
        return self._value_ | _plain(other)

    def __ror__(self, other):
        return _plain(other) | self._value_

    def __xor__(self, other):
        return self._value_ ^ _plain(other)

    def __rxor__(self, other):
        return _plain(other) ^ self._value_

    def __lshift__(self, other):
        return self._value_ << _plain(other)

    def __rshift__(self, other):
        return self._value_ >> _plain(other)

    def __neg__(self):
        return -self._value_

    def __pos__(self):
        return +self._value_

    def __abs__(self):
        return abs(self._value_)

    def __invert__(self):
        return ~self._value_


class _StrLike(_ValueLike):
    """What members of a str-valued enum do as strs: the engine counts them as str
    instances (`isinstance`, `json`) through `__builtin_base__`."""

    _member_type_ = str
    __builtin_base__ = str

    def __len__(self):
        return len(self._value_)

    def __contains__(self, item):
        return _plain(item) in self._value_

    def __getitem__(self, index):
        return self._value_[index]

    def __iter__(self):
        return iter(self._value_)

    def __add__(self, other):
        return self._value_ + _plain(other)

    def __radd__(self, other):
        return _plain(other) + self._value_

    def __mul__(self, other):
        return self._value_ * other

    def __rmul__(self, other):
        return other * self._value_

    def __mod__(self, other):
        return self._value_ % other


def _cannot_set(self, value):
    raise AttributeError("<enum 'Enum'> cannot set attribute 'value'")


def _cannot_set_name(self, value):
    raise AttributeError("<enum 'Enum'> cannot set attribute 'name'")


class Enum:
    """Generic enumeration: `class Color(Enum): RED = 1`."""

    _member_names_ = []
    _member_map_ = {}
    _value2member_map_ = {}
    __members__ = {}
    # `class C(int, Enum)` / `class C(str, Enum)`: the engine puts these in place of the
    # built-in base it cannot subclass.
    _int_mixin_ = _IntLike
    _str_mixin_ = _StrLike

    def __init_subclass__(cls, **kwds):
        _make_members(cls)

    def __new__(cls, value=_no_arg):
        if value is _no_arg:
            raise TypeError("EnumType.__call__() missing 1 required positional argument: 'value'")
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for m in cls._member_map_.values():
                if m._value_ == value:
                    return m
        if not cls._member_map_:
            raise TypeError("%r has no members defined" % (cls,))
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is None:
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        raise TypeError("error in %s._missing_: returned %r instead of None or a valid member"
                        % (cls.__name__, result))

    def __init__(self, *args, **kwds):
        pass

    @classmethod
    def _missing_(cls, value):
        return None

    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        for v in reversed(last_values):
            try:
                return v + 1
            except TypeError:
                pass
        return start

    # The class-level hooks (EnumType's methods in CPython).
    @classmethod
    def __class_iter__(cls):
        return [cls._member_map_[n] for n in cls._member_names_]

    @classmethod
    def __class_len__(cls):
        return len(cls._member_names_)

    @classmethod
    def __class_contains__(cls, value):
        if not isinstance(value, Enum):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r"
                            % (type(value).__qualname__, "EnumType"))
        return isinstance(value, cls) and value._name_ in cls._member_map_

    @classmethod
    def __class_getitem__(cls, name):
        return cls._member_map_[name]

    @classmethod
    def __class_repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % (cls.__name__,)
        return "<enum %r>" % (cls.__name__,)

    @classmethod
    def __class_setattr__(cls, name, value):
        if name in cls.__dict__.get("_member_map_", {}):
            raise AttributeError("cannot reassign member %r" % (name,))
        type.__setattr__(cls, name, value)

    @classmethod
    def __class_getattr__(cls, name):
        raise AttributeError(name)

    @classmethod
    def __class_delattr__(cls, name):
        if name in cls.__dict__.get("_member_map_", {}):
            raise AttributeError("%r cannot delete member %r." % (cls.__name__, name))
        type.__delattr__(cls, name)

    @_property
    def name(self):
        return self._name_

    name = name.setter(_cannot_set_name)

    @_property
    def value(self):
        return self._value_

    value = value.setter(_cannot_set)

    def __repr__(self):
        return "<%s.%s: %r>" % (type(self).__name__, self._name_, self._value_)

    def __str__(self):
        return "%s.%s" % (type(self).__name__, self._name_)

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __reduce_ex__(self, proto):
        return type(self), (self._value_,)


class ReprEnum(Enum):
    """Only the repr is the enum's; str() and format() are the value's."""

    def __str__(self):
        return str(self._value_)

    def __format__(self, format_spec):
        return format(self._value_, format_spec)


class IntEnum(_IntLike, ReprEnum):
    """Members are (and compare as) ints."""


class StrEnum(_StrLike, ReprEnum):
    """Members are (and compare as) strs."""

    _strict_str_ = True

    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class Flag(Enum):
    """Members combine with |, & and ^."""

    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last = max(last_values)
        return 2 ** last.bit_length()

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            return None
        mask = cls.__dict__.get("_flag_mask_", 0)
        if value < 0 or value & ~mask:
            if issubclass(cls, _IntLike):
                if value < 0:
                    value = 2 ** mask.bit_length() + value
                return cls._pseudo(value, mask)
            width = max(value.bit_length(), mask.bit_length())
            raise ValueError("%r invalid value %r\n    given %s\n  allowed %s"
                             % (cls, value, _bits(value, width), _bits(mask, width)))
        return cls._pseudo(value, mask)

    @classmethod
    def _pseudo(cls, value, mask):
        made = object.__new__(cls)
        made._value_ = value
        parts = [m._name_ for m in cls if m._value_ & value]
        extra = value & ~mask
        if extra:
            parts.append(str(extra))
        made._name_ = "|".join(parts) if parts else None
        cls._value2member_map_[value] = made
        return made

    def _members(self):
        return [m for m in type(self) if m._value_ & self._value_ == m._value_ and m._value_]

    def __contains__(self, other):
        if not isinstance(other, type(self)):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r"
                            % (type(other).__qualname__, type(self).__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        return iter(self._members())

    def __len__(self):
        return len(self._members())

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        if not isinstance(other, type(self)):
            if isinstance(self, _IntLike) and isinstance(other, int):
                return type(self)(self._value_ | other)
            return NotImplemented
        return type(self)(self._value_ | other._value_)

    def __and__(self, other):
        if not isinstance(other, type(self)):
            if isinstance(self, _IntLike) and isinstance(other, int):
                return type(self)(self._value_ & other)
            return NotImplemented
        return type(self)(self._value_ & other._value_)

    def __xor__(self, other):
        if not isinstance(other, type(self)):
            if isinstance(self, _IntLike) and isinstance(other, int):
                return type(self)(self._value_ ^ other)
            return NotImplemented
        return type(self)(self._value_ ^ other._value_)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        return type(self)(type(self).__dict__.get("_flag_mask_", 0) & ~self._value_)

    def __repr__(self):
        if self._name_ is None:
            return "<%s: %r>" % (type(self).__name__, self._value_)
        return "<%s.%s: %r>" % (type(self).__name__, self._name_, self._value_)

    def __str__(self):
        if self._name_ is None:
            return "%s(%r)" % (type(self).__name__, self._value_)
        return "%s.%s" % (type(self).__name__, self._name_)


def _bits(value, width):
    return "0b0 " + format(value, "0%db" % width)


class IntFlag(_IntLike, ReprEnum, Flag):
    """A Flag whose members are (and compare as) ints."""

    __or__ = Flag.__or__
    __and__ = Flag.__and__
    __xor__ = Flag.__xor__
    __ror__ = Flag.__or__
    __rand__ = Flag.__and__
    __rxor__ = Flag.__xor__
    __contains__ = Flag.__contains__
    __iter__ = Flag.__iter__
    __len__ = Flag.__len__
    __bool__ = Flag.__bool__

    def __invert__(self):
        return type(self)(~self._value_)


def unique(enumeration):
    """A class decorator: ValueError if any member is an alias of another."""
    duplicates = []
    for name, m in enumeration.__members__.items():
        if name != m._name_:
            duplicates.append((name, m._name_))
    if duplicates:
        alias_details = ", ".join(["%s -> %s" % (alias, name) for (alias, name) in duplicates])
        raise ValueError("duplicate values found in %r: %s" % (enumeration, alias_details))
    return enumeration


def verify(*checks):
    def decorate(enumeration):
        return enumeration
    return decorate


property = _property
