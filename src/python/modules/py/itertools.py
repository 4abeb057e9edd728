"""`itertools`, as generator functions following the Python equivalents in CPython's docs.

Here: count, cycle, repeat, accumulate, chain (and chain.from_iterable), compress, dropwhile,
takewhile, filterfalse, groupby, islice, pairwise, starmap, tee, zip_longest, product,
permutations, combinations, combinations_with_replacement and batched (Python 3.12's).
Unlike CPython's, most of these are generators (groupby is a class): their repr is a
generator's rather than `count(0)`, and they cannot be copied or pickled. Arguments are checked
when CPython checks them, mostly at the call rather than at the first next(), with its messages.
"""

_EMPTY = object()  # "no item": what next(it, _EMPTY) gives when `it` has ended


def _index(value, what):
    if not isinstance(value, int):
        raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer")
    if value < 0:
        raise ValueError(f"{what} must be non-negative")
    return value


def _count(start, step):
    n = start
    while True:
        yield n
        n += step


def count(start=0, step=1):
    for x in (start, step):
        if not isinstance(x, (int, float)):
            raise TypeError("a number is required")
    return _count(start, step)


def _cycle(it):
    saved = []
    for x in it:
        yield x
        saved.append(x)
    while saved:
        for x in saved:
            yield x


def cycle(iterable):
    return _cycle(iter(iterable))


def _repeat(obj, times):
    if times is None:
        while True:
            yield obj
    for _ in range(times):
        yield obj


def repeat(object, times=None):
    if times is not None and not isinstance(times, int):
        raise TypeError(f"'{type(times).__name__}' object cannot be interpreted as an integer")
    return _repeat(object, times)


def _accumulate(it, func, initial):
    total = initial
    if initial is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    for x in it:
        total = total + x if func is None else func(total, x)
        yield total


def accumulate(iterable, func=None, *, initial=None):
    return _accumulate(iter(iterable), func, initial)


def _chain(iterables):
    for it in iterables:
        for x in it:
            yield x


def chain(*iterables):
    """chain(a, b) iterates a then b; chain.from_iterable([a, b]) does the same."""
    return _chain(iterables)


def _from_iterable(iterables):
    return _chain(iterables)


chain.from_iterable = _from_iterable


def _compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


def compress(data, selectors):
    return _compress(iter(data), iter(selectors))


def _dropwhile(predicate, it):
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x


def dropwhile(predicate, iterable):
    return _dropwhile(predicate, iter(iterable))


def _takewhile(predicate, it):
    for x in it:
        if not predicate(x):
            break
        yield x


def takewhile(predicate, iterable):
    return _takewhile(predicate, iter(iterable))


def _filterfalse(predicate, it):
    if predicate is None:
        predicate = bool
    for x in it:
        if not predicate(x):
            yield x


def filterfalse(predicate, iterable):
    return _filterfalse(predicate, iter(iterable))


class groupby:
    """Consecutive runs of equal keys: yields (key, group) pairs; a group is only valid until
    the next pair is taken (as in CPython, it then yields nothing more)."""

    def __init__(self, iterable, key=None):
        self._key = (lambda x: x) if key is None else key
        self._it = iter(iterable)
        self._tgtkey = self._currkey = self._currvalue = _EMPTY
        self._id = object()

    def __iter__(self):
        return self

    def __next__(self):
        self._id = object()
        while self._currkey is not _EMPTY and self._currkey == self._tgtkey:
            self._currvalue = next(self._it)  # ends the groupby when exhausted
            self._currkey = self._key(self._currvalue)
        if self._currkey is _EMPTY:
            self._currvalue = next(self._it)
            self._currkey = self._key(self._currvalue)
        self._tgtkey = self._currkey
        return (self._currkey, self._grouper(self._tgtkey, self._id))

    def _grouper(self, tgtkey, id):
        while self._id is id and self._currkey == tgtkey:
            yield self._currvalue
            try:
                self._currvalue = next(self._it)
            except StopIteration:
                return
            self._currkey = self._key(self._currvalue)


def _islice(it, start, stop, step):
    # CPython's steps: skip to the next index wanted, then take one; items are consumed up to
    # `start` even when nothing is yielded, and up to `stop` on the call after the last item.
    count = 0
    wanted = start
    while True:
        while count < wanted:
            if next(it, _EMPTY) is _EMPTY:
                return
            count += 1
        if stop is not None and count >= stop:
            return
        x = next(it, _EMPTY)
        if x is _EMPTY:
            return
        count += 1
        wanted += step
        if stop is not None and wanted > stop:
            wanted = stop
        yield x


def islice(iterable, *args):
    """islice(iterable, stop) or islice(iterable, start, stop[, step])."""
    if not args:
        raise TypeError("islice expected at least 2 arguments, got 1")
    if len(args) > 3:
        raise TypeError(f"islice expected at most 4 arguments, got {len(args) + 1}")
    s = slice(*args)
    start, stop, step = s.start, s.stop, s.step
    if stop is not None and (not isinstance(stop, int) or stop < 0):
        raise ValueError("Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
    if start is not None and (not isinstance(start, int) or start < 0):
        raise ValueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
    if step is not None and (not isinstance(step, int) or step <= 0):
        raise ValueError("Step for islice() must be a positive integer or None.")
    return _islice(iter(iterable), start or 0, stop, step or 1)


def _pairwise(it):
    a = next(it, _EMPTY)
    if a is _EMPTY:
        return
    for b in it:
        yield a, b
        a = b


def pairwise(iterable):
    return _pairwise(iter(iterable))


def _starmap(function, it):
    for args in it:
        yield function(*args)


def starmap(function, iterable):
    return _starmap(function, iter(iterable))


def _tee_branch(it, queues, mine):
    while True:
        if not mine:
            x = next(it, _EMPTY)
            if x is _EMPTY:
                return
            for q in queues:
                q.append(x)
        yield mine.pop(0)


def tee(iterable, n=2):
    """n independent iterators over one iterable (each remembers what the others are ahead by)."""
    if not isinstance(n, int):
        raise TypeError(f"'{type(n).__name__}' object cannot be interpreted as an integer")
    if n < 0:
        raise ValueError("n must be >= 0")
    it = iter(iterable)
    queues = [[] for _ in range(n)]
    return tuple(_tee_branch(it, queues, q) for q in queues)


def _zip_longest(iterators, fillvalue):
    active = len(iterators)
    if not active:
        return
    while True:
        values = []
        for i, it in enumerate(iterators):
            value = next(it, _EMPTY)
            if value is _EMPTY:
                active -= 1
                if not active:
                    return
                iterators[i] = repeat(fillvalue)
                value = fillvalue
            values.append(value)
        yield tuple(values)


def zip_longest(*iterables, fillvalue=None):
    return _zip_longest([iter(it) for it in iterables], fillvalue)


def _product(pools):
    result = [[]]
    for pool in pools:
        result = [x + [y] for x in result for y in pool]
    for prod in result:
        yield tuple(prod)


def product(*iterables, repeat=1):
    if repeat < 0:
        raise ValueError("repeat argument cannot be negative")
    pools = [tuple(pool) for pool in iterables] * repeat
    return _product(pools)


def _permutations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1 :] + indices[i : i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return


def permutations(iterable, r=None):
    pool = tuple(iterable)
    r = len(pool) if r is None else _index(r, "r")
    return _permutations(pool, r)


def _combinations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[i] for i in indices)


def combinations(iterable, r):
    return _combinations(tuple(iterable), _index(r, "r"))


def _combinations_with_replacement(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)


def combinations_with_replacement(iterable, r):
    return _combinations_with_replacement(tuple(iterable), _index(r, "r"))


def _batched(it, n):
    while True:
        batch = tuple(islice(it, n))
        if not batch:
            return
        yield batch


def batched(iterable, n):
    """Tuples of n items (the last may be shorter): batched('ABCDE', 2) → AB CD E."""
    if n < 1:
        raise ValueError("n must be at least one")
    return _batched(iter(iterable), n)
