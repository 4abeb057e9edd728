"""`collections`: deque, defaultdict, Counter, OrderedDict, ChainMap and namedtuple, as tutorials
use them.

The engine cannot subclass built-in types, so these are ordinary classes implementing the
protocols (len, iteration, `in`, indexing, ==, repr, the dict methods), not subclasses of
dict or tuple: unlike CPython, `isinstance(x, dict)` is False for a Counter, defaultdict or
OrderedDict, `isinstance(p, tuple)` is False for a namedtuple, and `json.dumps` does not take
them (pass `dict(c)` or `p._asdict()`). A namedtuple's class is named by `_stdlib.make_class`,
as CPython's is, and belongs to the caller's module: `Point = namedtuple('Point', 'x y')` at the
top level is `<class '__main__.Point'>`, so its instances can go to `asyncio.to_thread`, which
finds classes by module and name.
A ChainMap's keys(), values() and items() are a dict's views of what it reads (CPython's are
`KeysView`…). `collections.abc` is its own module (`collections_abc.py`), loaded when first named.
UserDict is CPython's (on `collections.abc.MutableMapping`). Left out: UserList/UserString, deque's <, <= and *,
Counter's unary + and -, and `odict_keys` (an OrderedDict's keys() is a plain dict_keys).
"""

from _stdlib import caller_module as _caller_module
from _stdlib import make_class as _make_class

_MISSING = object()


def _recursive_repr(fillvalue):
    """`reprlib.recursive_repr`, as CPython's deque, OrderedDict and ChainMap guard their
    reprs: one met again inside its own repr prints as `fillvalue` instead of recursing."""

    def decorating(user_function):
        running = set()

        def wrapper(self):
            key = id(self)
            if key in running:
                return fillvalue
            running.add(key)
            try:
                return user_function(self)
            finally:
                running.discard(key)

        return wrapper

    return decorating


# ----- deque -------------------------------------------------------------------------------


class deque:
    """A list with a moving head: appends and pops at either end are O(1) on average."""

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError("an integer is required")
            if maxlen < 0:
                raise ValueError("maxlen must be non-negative")
        self._maxlen = maxlen
        self._a = []  # items live in _a[_h:]
        self._h = 0
        self._state = 0  # bumped by each change of length, as CPython's, for iterators
        self.extend(iterable)

    @property
    def maxlen(self):
        return self._maxlen

    def append(self, x):
        self._state += 1
        if self._maxlen is not None:
            if self._maxlen == 0:
                return
            if len(self._a) - self._h >= self._maxlen:
                self.popleft()
        self._a.append(x)

    def appendleft(self, x):
        self._state += 1
        if self._maxlen is not None:
            if self._maxlen == 0:
                return
            if len(self._a) - self._h >= self._maxlen:
                self._a.pop()
        if self._h == 0:
            grow = max(8, len(self._a))
            self._a = [None] * grow + self._a
            self._h = grow
        self._h -= 1
        self._a[self._h] = x

    def pop(self):
        if len(self._a) == self._h:
            raise IndexError("pop from an empty deque")
        self._state += 1
        return self._a.pop()

    def popleft(self):
        a, h = self._a, self._h
        if len(a) == h:
            raise IndexError("pop from an empty deque")
        self._state += 1
        x = a[h]
        a[h] = None
        h += 1
        if h >= 32 and h * 2 >= len(a):
            self._a = a[h:]  # (a new list: `del a[:h]` is slow in this engine)
            h = 0
        self._h = h
        return x

    def extend(self, iterable):
        if self._maxlen is None:
            items = list(iterable)
            if items:
                self._state += 1
                self._a.extend(items)
            return
        for x in list(iterable) if iterable is self else iterable:
            self.append(x)

    def extendleft(self, iterable):
        for x in list(iterable) if iterable is self else iterable:
            self.appendleft(x)

    def clear(self):
        self._state += 1
        self._a = []
        self._h = 0

    def rotate(self, n=1):
        items = self._a[self._h :]
        if items:
            n %= len(items)
            self._a = items[-n:] + items[:-n] if n else items
            self._h = 0
            self._state += 1

    def count(self, x):
        return self._a[self._h :].count(x)

    def index(self, x, start=0, stop=None):
        items = self._a[self._h :]
        for i in range(len(items))[start:stop]:
            if items[i] is x or items[i] == x:
                return i
        raise ValueError(f"{x!r} is not in deque")

    def remove(self, x):
        del self[self.index(x)]

    def insert(self, i, x):
        if self._maxlen is not None and len(self) >= self._maxlen:
            raise IndexError("deque already at its maximum size")
        items = self._a[self._h :]
        items.insert(i, x)
        self._a = items
        self._h = 0
        self._state += 1

    def reverse(self):
        items = self._a[self._h :]
        items.reverse()
        self._a = items
        self._h = 0

    def copy(self):
        return deque(self, self._maxlen)

    def __copy__(self):
        return self.copy()

    def _index(self, i):
        if not isinstance(i, int):
            raise TypeError(f"sequence index must be integer, not '{type(i).__name__}'")
        n = len(self._a) - self._h
        if i < 0:
            i += n
        if i < 0 or i >= n:
            raise IndexError("deque index out of range")
        return self._h + i

    def __getitem__(self, i):
        return self._a[self._index(i)]

    def __setitem__(self, i, x):
        self._a[self._index(i)] = x

    def __delitem__(self, i):
        j = self._index(i)
        del self._a[j]
        self._state += 1

    def __len__(self):
        return len(self._a) - self._h

    def __iter__(self):
        state, a = self._state, self._a
        for i in range(self._h, len(a)):
            if self._state != state:
                break
            yield a[i]
        if self._state != state:
            raise RuntimeError("deque mutated during iteration")

    def __reversed__(self):
        return reversed(self._a[self._h :])

    def __contains__(self, x):
        return x in self._a[self._h :]

    def __eq__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._a[self._h :] == other._a[other._h :]

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError(f'can only concatenate deque (not "{type(other).__name__}") to deque')
        new = self.copy()
        new.extend(other)
        return new

    def __iadd__(self, other):
        self.extend(other)
        return self

    @_recursive_repr("[...]")
    def __repr__(self):
        items = repr(self._a[self._h :])
        if self._maxlen is None:
            return f"deque({items})"
        return f"deque({items}, maxlen={self._maxlen})"


# ----- the dict-like classes ---------------------------------------------------------------


class _DictLike:
    """A real dict in `_d`, with the dict's methods and protocols forwarded to it."""

    def __init__(self, *args, **kwargs):
        self._d = {}
        self.update(*args, **kwargs)

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        v = self._d.get(key, _MISSING)
        if v is _MISSING:
            return self.__missing__(key)
        return v

    def __setitem__(self, key, value):
        self._d[key] = value

    def __delitem__(self, key):
        del self._d[key]

    def __contains__(self, key):
        return key in self._d

    def __iter__(self):
        return iter(self._d)

    def __reversed__(self):
        return reversed(self._d)

    def __len__(self):
        return len(self._d)

    def keys(self):
        return self._d.keys()

    def values(self):
        return self._d.values()

    def items(self):
        return self._d.items()

    def get(self, key, default=None):
        return self._d.get(key, default)

    def pop(self, key, *default):
        return self._d.pop(key, *default)

    def popitem(self):
        return self._d.popitem()

    def setdefault(self, key, default=None):
        return self._d.setdefault(key, default)

    def clear(self):
        self._d.clear()

    def update(self, *args, **kwargs):
        if len(args) > 1:
            raise TypeError(f"update expected at most 1 argument, got {len(args)}")
        if args:
            other = args[0]
            if hasattr(other, "keys"):
                for k in other.keys():
                    self[k] = other[k]
            else:
                for k, v in other:
                    self[k] = v
        for k, v in kwargs.items():
            self[k] = v

    def copy(self):
        new = type(self)()
        new._d = self._d.copy()
        return new

    def __copy__(self):
        return self.copy()

    @classmethod
    def fromkeys(cls, iterable, value=None):
        new = cls()
        for key in iterable:
            new[key] = value
        return new

    def __eq__(self, other):
        if isinstance(other, _DictLike):
            return self._d == other._d
        if isinstance(other, dict):
            return self._d == other
        return NotImplemented

    __hash__ = None

    def __or__(self, other):
        new = self.copy()
        new.update(other)
        return new

    def __ior__(self, other):
        self.update(other)
        return self

    def __repr__(self):
        return f"{type(self).__name__}({self._d!r})"


class defaultdict(_DictLike):
    """A dict whose missing keys are filled in with `default_factory()` when read."""

    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        self.default_factory = default_factory
        _DictLike.__init__(self, *args, **kwargs)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self._d[key] = value
        return value

    def copy(self):
        return defaultdict(self.default_factory, self._d)

    def __repr__(self):
        return f"defaultdict({self.default_factory!r}, {self._d!r})"


class OrderedDict(_DictLike):
    """A dict that remembers insertion order (as every dict does), with move_to_end and
    popitem(last=False); == between two OrderedDicts also compares the order."""

    def popitem(self, last=True):
        if not self._d:
            raise KeyError("dictionary is empty")
        key = next(reversed(self._d)) if last else next(iter(self._d))
        return key, self._d.pop(key)

    def move_to_end(self, key, last=True):
        value = self._d.pop(key)
        if last:
            self._d[key] = value
        else:
            rest = self._d
            self._d = {key: value}
            self._d.update(rest)

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return list(self._d.items()) == list(other._d.items())
        return _DictLike.__eq__(self, other)

    @_recursive_repr("...")
    def __repr__(self):
        if not self._d:
            return f"{type(self).__name__}()"
        return f"{type(self).__name__}({list(self._d.items())!r})"


class Counter(_DictLike):
    """A dict of counts: missing keys read 0."""

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self._d.values())

    def most_common(self, n=None):
        ranked = sorted(self._d.items(), key=lambda kv: kv[1], reverse=True)
        return ranked if n is None else ranked[:n]

    def elements(self):
        for elem, count in self._d.items():
            for _ in range(count):
                yield elem

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError("Counter.fromkeys() is undefined.  Use Counter(iterable) instead.")

    def update(self, *args, **kwargs):
        self._count(1, args, kwargs, "update")

    def subtract(self, *args, **kwargs):
        self._count(-1, args, kwargs, "subtract")

    def _count(self, sign, args, kwargs, name):
        if len(args) > 1:
            raise TypeError(f"expected at most 1 arguments, got {len(args)}")
        d = self._d
        if args:
            other = args[0]
            if hasattr(other, "keys"):
                for k in other.keys():
                    d[k] = d.get(k, 0) + sign * other[k]
            else:
                for k in other:
                    d[k] = d.get(k, 0) + sign
        for k, v in kwargs.items():
            d[k] = d.get(k, 0) + sign * v

    def __delitem__(self, key):
        self._d.pop(key, None)

    def __eq__(self, other):
        if isinstance(other, Counter):
            return all(self[e] == other[e] for c in (self, other) for e in c)
        return _DictLike.__eq__(self, other)

    def _keep_positive(self, pairs):
        result = Counter()
        for k, v in pairs:
            if v > 0:
                result._d[k] = v
        return result

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        keys = list(self._d) + [k for k in other._d if k not in self._d]
        return self._keep_positive((k, self[k] + other[k]) for k in keys)

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        keys = list(self._d) + [k for k in other._d if k not in self._d]
        return self._keep_positive((k, self[k] - other[k]) for k in keys)

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        keys = list(self._d) + [k for k in other._d if k not in self._d]
        return self._keep_positive((k, max(self[k], other[k])) for k in keys)

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._keep_positive((k, min(self[k], other[k])) for k in self._d)

    def __repr__(self):
        if not self._d:
            return f"{type(self).__name__}()"
        try:
            d = dict(self.most_common())
        except TypeError:  # counts that do not order
            d = self._d
        return f"{type(self).__name__}({d!r})"


# ----- ChainMap ----------------------------------------------------------------------------


class ChainMap:
    """Several mappings read as one: a key is looked up in each in turn; writes go to the first."""

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            if key in mapping:
                return mapping[key]
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(self._merged())

    def __iter__(self):
        return iter(self._merged())

    def _merged(self):
        # Keys in CPython's order: the last mapping's first.
        d = {}
        for mapping in reversed(self.maps):
            for key in mapping:
                d[key] = None
        return d

    def __contains__(self, key):
        return any(key in m for m in self.maps)

    def __bool__(self):
        return any(self.maps)

    @_recursive_repr("...")
    def __repr__(self):
        return f'{type(self).__name__}({", ".join(map(repr, self.maps))})'

    @classmethod
    def fromkeys(cls, iterable, *args):
        return cls(dict.fromkeys(iterable, *args))

    def copy(self):
        return type(self)(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return type(self)(m, *self.maps)

    @property
    def parents(self):
        return type(self)(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError(f"Key not found in the first mapping: {key!r}")

    def popitem(self):
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError("No keys found in the first mapping.")

    def pop(self, key, *args):
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError(f"Key not found in the first mapping: {key!r}")

    def clear(self):
        self.maps[0].clear()

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def update(self, *args, **kwargs):
        self.maps[0].update(*args, **kwargs)

    def keys(self):
        return {key: None for key in self}.keys()

    def values(self):
        return {key: self[key] for key in self}.values()

    def items(self):
        return {key: self[key] for key in self}.items()

    def __eq__(self, other):
        if isinstance(other, (ChainMap, _DictLike, dict)):
            return dict(self.items()) == dict(other.items())
        return NotImplemented

    __hash__ = None

    def __ior__(self, other):
        self.maps[0].update(other)
        return self

    def __or__(self, other):
        m = self.copy()
        m.maps[0].update(other)
        return m


# ----- namedtuple --------------------------------------------------------------------------

_KEYWORDS = frozenset(
    "False None True and as assert async await break class continue def del elif else except "
    "finally for from global if import in is lambda nonlocal not or pass raise return try "
    "while with yield".split()
)


def _names(typename, field_names, rename):
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    field_names = [str(f) for f in field_names]
    if rename:
        seen = set()
        for i, name in enumerate(field_names):
            if not name.isidentifier() or name in _KEYWORDS or name.startswith("_") or name in seen:
                field_names[i] = f"_{i}"
            seen.add(name)
    for name in [typename] + field_names:
        if not name.isidentifier():
            raise ValueError(f"Type names and field names must be valid identifiers: {name!r}")
        if name in _KEYWORDS:
            raise ValueError(f"Type names and field names cannot be a keyword: {name!r}")
    seen = set()
    for name in field_names:
        if name.startswith("_") and not rename:
            raise ValueError(f"Field names cannot start with an underscore: {name!r}")
        if name in seen:
            raise ValueError(f"Encountered duplicate field name: {name!r}")
        seen.add(name)
    return tuple(field_names)


def _and_list(names):
    quoted = [repr(n) for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return f"{quoted[0]} and {quoted[1]}"
    return ", ".join(quoted[:-1]) + ", and " + quoted[-1]


def _values_of(x):
    """The values of a tuple or a namedtuple, or None."""
    if isinstance(x, tuple):
        return x
    if isinstance(x, _NamedTuple):
        return x._values
    return None


class _NamedTuple:
    """What every namedtuple class has; namedtuple() makes a subclass naming the fields."""

    _fields = ()
    _field_defaults = {}
    _typename = "namedtuple"

    def __init__(self, *args, **kwargs):
        fields, typename = self._fields, self._typename
        if len(args) > len(fields):
            raise TypeError(
                f"{typename}.__new__() takes {len(fields) + 1} positional arguments but {len(args) + 1} were given"
            )
        for k in kwargs:
            if k not in fields:
                raise TypeError(f"{typename}.__new__() got an unexpected keyword argument '{k}'")
            if fields.index(k) < len(args):
                raise TypeError(f"{typename}.__new__() got multiple values for argument '{k}'")
        values = list(args)
        missing = []
        for name in fields[len(args) :]:
            if name in kwargs:
                values.append(kwargs[name])
            elif name in self._field_defaults:
                values.append(self._field_defaults[name])
            else:
                missing.append(name)
        if missing:
            word = "argument" if len(missing) == 1 else "arguments"
            raise TypeError(
                f"{typename}.__new__() missing {len(missing)} required positional {word}: {_and_list(missing)}"
            )
        object.__setattr__(self, "_values", tuple(values))
        for name, value in zip(fields, values):
            object.__setattr__(self, name, value)

    @classmethod
    def _make(cls, iterable):
        values = tuple(iterable)
        if len(values) != len(cls._fields):
            raise TypeError(f"Expected {len(cls._fields)} arguments, got {len(values)}")
        return cls(*values)

    def _asdict(self):
        return dict(zip(self._fields, self._values))

    def _replace(self, **kwargs):
        unknown = [k for k in kwargs if k not in self._fields]
        if unknown:
            raise ValueError(f"Got unexpected field names: {unknown!r}")
        return type(self)(*[kwargs.get(f, v) for f, v in zip(self._fields, self._values)])

    def __setattr__(self, name, value):
        if name in self._fields:
            raise AttributeError("can't set attribute")
        if type(self) is self._class:  # a subclass of it may have attributes of its own
            raise AttributeError(f"'{self._typename}' object has no attribute '{name}'")
        object.__setattr__(self, name, value)

    def __repr__(self):
        name = self._typename if type(self) is self._class else type(self).__name__
        inner = ", ".join(f"{f}={v!r}" for f, v in zip(self._fields, self._values))
        return f"{name}({inner})"

    def __len__(self):
        return len(self._values)

    def __iter__(self):
        return iter(self._values)

    def __reversed__(self):
        return reversed(self._values)

    def __contains__(self, x):
        return x in self._values

    def __getitem__(self, i):
        return self._values[i]

    def __delitem__(self, i):
        raise TypeError(f"'{self._typename}' object doesn't support item deletion")

    def __hash__(self):
        return hash(self._values)

    def __add__(self, other):
        return self._values + other

    def __radd__(self, other):
        return other + self._values

    def __mul__(self, n):
        return self._values * n

    __rmul__ = __mul__

    def count(self, x):
        return self._values.count(x)

    def index(self, x, *args):
        return self._values.index(x, *args)

    def __eq__(self, other):
        other = _values_of(other)
        return NotImplemented if other is None else self._values == other

    def __ne__(self, other):
        other = _values_of(other)
        return NotImplemented if other is None else self._values != other

    def __lt__(self, other):
        other = _values_of(other)
        return NotImplemented if other is None else self._values < other

    def __le__(self, other):
        other = _values_of(other)
        return NotImplemented if other is None else self._values <= other

    def __gt__(self, other):
        other = _values_of(other)
        return NotImplemented if other is None else self._values > other

    def __ge__(self, other):
        other = _values_of(other)
        return NotImplemented if other is None else self._values >= other


class _TypingTypedDict:
    """typing.TypedDict: calling a class of it makes a plain dict, as CPython's does; the
    class's `total=` is kept as its `__total__`."""

    def __init_subclass__(cls, total=True, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.__total__ = total

    def __new__(cls, *args, **kwargs):
        return dict(*args, **kwargs)


class _TypingNamedTuple(_NamedTuple):
    """typing.NamedTuple: `class Point(NamedTuple): x: int; y: int = 0`. The annotated names are
    the fields, in order; a value given in the class body is that field's default."""

    def __init_subclass__(cls, **kwargs):
        fields = tuple(cls.__dict__.get("__annotations__", {}))
        defaults = {}
        for name in fields:
            if name in cls.__dict__:
                defaults[name] = cls.__dict__[name]
                delattr(cls, name)
            elif defaults:
                raise TypeError(f"Non-default namedtuple field {name} cannot follow default field{'s' if len(defaults) > 1 else ''} {', '.join(defaults)}")
        cls._fields = fields
        cls._field_defaults = defaults
        cls._typename = cls.__name__
        cls._class = cls


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """A class of immutable records: `Point = namedtuple('Point', 'x y')`."""
    typename = str(typename)
    fields = _names(typename, field_names, rename)
    defaults = tuple(defaults) if defaults is not None else ()
    if len(defaults) > len(fields):
        raise TypeError("Got more default values than field names")

    if module is None:
        module = _caller_module()
    namespace = {
        "_fields": fields,
        "_field_defaults": dict(zip(fields[len(fields) - len(defaults) :], defaults)),
        "_typename": typename,
    }
    cls = _make_class(typename, module, _NamedTuple, namespace)
    cls._class = cls
    return cls


def __getattr__(name):
    # `import collections` then `collections.abc.Mapping`: CPython has loaded collections.abc
    # at startup; here it loads on first use (and importing it sets this module's `abc`).
    if name == "abc":
        import collections.abc

        return collections.abc
    raise AttributeError(f"module 'collections' has no attribute '{name}'")


# ----- subclasses of dict and list ---------------------------------------------------------


class _DictSubclass(_DictLike):
    """What `class C(dict)` derives from here: the engine cannot subclass the built-in dict,
    so it puts this class in its place (`call::make_class`). Its instances count as dicts for
    `isinstance`, json and `match`, and print as a dict."""

    __builtin_base__ = dict

    def __new__(cls, *args, **kwargs):
        # The dict exists before `__init__`, which a subclass may override without calling
        # this one's; and before any `__setattr__` of the subclass could ask for it.
        self = object.__new__(cls)
        object.__setattr__(self, "_d", {})
        return self

    def __init__(self, *args, **kwargs):
        self._d.update(*args, **kwargs)

    def update(self, *args, **kwargs):
        # dict's own update: a subclass's __setitem__ is not called (nor by __init__).
        self._d.update(*[_plain_dict(a) for a in args], **kwargs)

    def copy(self):
        return self._d.copy()

    def __copy__(self):
        new = type(self).__new__(type(self))
        new.__dict__.update(self.__dict__)
        object.__setattr__(new, "_d", self._d.copy())
        return new

    def __or__(self, other):
        new = self._d.copy()
        new.update(other)
        return new

    def __ror__(self, other):
        new = dict(other)
        new.update(self._d)
        return new

    def __repr__(self):
        return repr(self._d)


class _ListSubclass:
    """What `class C(list)` derives from here (see `_DictSubclass`): a real list in `_l`,
    with the list's methods and protocols forwarded to it. Slices, `+` and `*` make plain
    lists, as CPython's do for a subclass."""

    __builtin_base__ = list

    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        object.__setattr__(self, "_l", [])
        return self

    def __init__(self, iterable=()):
        self._l[:] = list(iterable)

    def append(self, x):
        self._l.append(x)

    def extend(self, iterable):
        self._l.extend(iterable)

    def insert(self, i, x):
        self._l.insert(i, x)

    def pop(self, i=-1):
        return self._l.pop(i)

    def remove(self, x):
        self._l.remove(x)

    def clear(self):
        self._l.clear()

    def index(self, x, *bounds):
        return self._l.index(x, *bounds)

    def count(self, x):
        return self._l.count(x)

    def sort(self, *, key=None, reverse=False):
        self._l.sort(key=key, reverse=reverse)

    def reverse(self):
        self._l.reverse()

    def copy(self):
        return self._l.copy()

    def __copy__(self):
        new = type(self).__new__(type(self))
        new.__dict__.update(self.__dict__)
        object.__setattr__(new, "_l", self._l.copy())
        return new

    def __len__(self):
        return len(self._l)

    def __iter__(self):
        return iter(self._l)

    def __reversed__(self):
        return reversed(self._l)

    def __contains__(self, x):
        return x in self._l

    def __getitem__(self, i):
        return self._l[i]

    def __setitem__(self, i, x):
        self._l[i] = x

    def __delitem__(self, i):
        del self._l[i]

    def __add__(self, other):
        return self._l + _plain_list(other)

    def __radd__(self, other):
        return _plain_list(other) + self._l

    def __iadd__(self, other):
        self._l.extend(other)
        return self

    def __mul__(self, n):
        return self._l * n

    __rmul__ = __mul__

    def __imul__(self, n):
        self._l *= n
        return self

    def __eq__(self, other):
        return self._l == _plain_list(other)

    def __ne__(self, other):
        return self._l != _plain_list(other)

    def __lt__(self, other):
        return self._l < _plain_list(other)

    def __le__(self, other):
        return self._l <= _plain_list(other)

    def __gt__(self, other):
        return self._l > _plain_list(other)

    def __ge__(self, other):
        return self._l >= _plain_list(other)

    __hash__ = None

    def __repr__(self):
        return repr(self._l)


def _plain_list(x):
    """The list inside a list subclass's instance; other values as they are."""
    return x._l if isinstance(x, _ListSubclass) else x


def _plain_dict(x):
    """The dict inside a dict subclass's instance; other values as they are."""
    return x._d if isinstance(x, _DictSubclass) else x


# ----- UserDict: CPython's, with MutableMapping's methods written out ------------------------


class UserDict:
    """A dict kept in `data`, whose subclasses' `__setitem__` and `__getitem__` every method
    goes through (`update`, `get`, `setdefault`…), as CPython's."""

    def __init__(self, dict=None, /, **kwargs):
        self.data = {}
        if dict is not None:
            self.update(dict)
        if kwargs:
            self.update(kwargs)

    def __len__(self):
        return len(self.data)

    def __getitem__(self, key):
        if key in self.data:
            return self.data[key]
        if hasattr(self.__class__, "__missing__"):
            return self.__class__.__missing__(self, key)
        raise KeyError(key)

    def __setitem__(self, key, item):
        self.data[key] = item

    def __delitem__(self, key):
        del self.data[key]

    def __iter__(self):
        return iter(self.data)

    def __contains__(self, key):
        return key in self.data

    def __repr__(self):
        return repr(self.data)

    def __or__(self, other):
        if isinstance(other, UserDict):
            return self.__class__(self.data | other.data)
        if isinstance(other, dict):
            return self.__class__(self.data | other)
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, UserDict):
            return self.__class__(other.data | self.data)
        if isinstance(other, dict):
            return self.__class__(other | self.data)
        return NotImplemented

    def __ior__(self, other):
        if isinstance(other, UserDict):
            self.data |= other.data
        else:
            self.data |= other
        return self

    def copy(self):
        if self.__class__ is UserDict:
            return UserDict(self.data.copy())
        c = self.__class__()
        c.__dict__.update({k: v for k, v in self.__dict__.items() if k != "data"})
        c.data = {}
        c.update(self)
        return c

    @classmethod
    def fromkeys(cls, iterable, value=None):
        d = cls()
        for key in iterable:
            d[key] = value
        return d

    # collections.abc.Mapping's and MutableMapping's methods, through the ones above.
    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def keys(self):
        return self.data.keys()

    def items(self):
        return self.data.items()

    def values(self):
        return self.data.values()

    def __eq__(self, other):
        if isinstance(other, UserDict):
            other = other.data
        if not isinstance(other, (dict, _DictLike)):
            return NotImplemented
        return dict(self.items()) == dict(other.items())

    __hash__ = None

    def pop(self, key, default=_MISSING):
        try:
            value = self[key]
        except KeyError:
            if default is _MISSING:
                raise
            return default
        del self[key]
        return value

    def popitem(self):
        try:
            key = next(iter(self))
        except StopIteration:
            raise KeyError from None
        value = self[key]
        del self[key]
        return key, value

    def clear(self):
        try:
            while True:
                self.popitem()
        except KeyError:
            pass

    def update(self, other=(), /, **kwds):
        if hasattr(other, "keys"):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def setdefault(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            self[key] = default
        return default
