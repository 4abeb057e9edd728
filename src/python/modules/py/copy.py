"""`copy`: copy and deepcopy, as CPython's: lists, dicts, sets, tuples, bytearrays and
instances (their attributes; `__copy__`/`__deepcopy__` when the class has them), with a memo
for shared and cyclic parts. `collections`' containers copy through their own `copy()`."""

from _stdlib import new_instance as _new


class Error(Exception):
    pass


error = Error
_ATOMIC = (type(None), int, float, bool, str, bytes, range, type, type(len), type(_new))


def copy(x):
    cls = type(x)
    if cls in (list, dict, set, bytearray):
        return cls(x)
    f = getattr(cls, "__copy__", None)
    if f is not None:
        return f(x)
    if cls.__module__ == "collections" and hasattr(x, "copy"):
        return x.copy()
    y = _new(x)
    if y is None:
        return x
    # As CPython's copy (`y.__dict__.update(state)`): no __setattr__, property or descriptor
    # runs, and a key that is no str is copied too.
    vars(y).update(vars(x))
    return y


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _ATOMIC:
        return x
    if cls is bytearray:
        y = bytearray(x)
    elif cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is dict:
        y = {}
        memo[d] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls in (tuple, set, frozenset):
        y = cls([deepcopy(a, memo) for a in x])
        if d in memo:
            return memo[d]
        if cls is tuple and all(a is b for a, b in zip(x, y)):
            y = x
    elif getattr(cls, "__deepcopy__", None) is not None:
        y = x.__deepcopy__(memo)
    else:
        y = _new(x)
        if y is None:
            return x
        memo[d] = y
        vars(y).update(deepcopy(vars(x), memo))
    memo[d] = y
    if y is not x:
        memo.setdefault(id(memo), []).append(x)
    return y
