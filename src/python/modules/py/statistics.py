"""`statistics`: mean, fmean, harmonic_mean, median (low, high), mode, multimode, quantiles, variance,
pvariance, stdev, pstdev, for ints and floats. CPython works in exact fractions; here sums
of floats are kept exact as lists of floats (as `math.fsum` keeps them) and results are
rounded once, as CPython's are, but for a value within a hair of a rounding boundary."""

from math import fsum, sqrt


class StatisticsError(ValueError):
    pass


def _two_prod(a, b):
    # a * b == p + e exactly (Dekker).
    p = a * b
    t = 134217729.0 * a
    ah = t - (t - a)
    al = a - ah
    t = 134217729.0 * b
    bh = t - (t - b)
    bl = b - bh
    return p, ((ah * bh - p) + ah * bl + al * bh) + al * bl


def _div(parts, d):
    # The sum of `parts` divided by the int `d`, rounded once.
    q = fsum(parts) / d
    p, e = _two_prod(q, float(d))
    return q + fsum(parts + [-p, -e]) / d


def _data(data):
    data = list(data)
    for x in data:
        if type(x) not in (int, float, bool):
            raise TypeError(f"can't convert type '{type(x).__name__}' to numerator/denominator")
    return data, all(type(x) is not float for x in data)


def _ints(n):
    hi = float(n)
    return [hi, float(n - int(hi))]


def mean(data):
    data, ints = _data(data)
    n = len(data)
    if n < 1:
        raise StatisticsError("mean requires at least one data point")
    if ints:
        total = sum(data)
        return total // n if total % n == 0 else _div(_ints(total), n)
    return _div([float(x) for x in data], n)


def fmean(data, weights=None):
    data = list(data)
    if weights is not None:
        den = fsum(weights)
        if not den:
            raise StatisticsError("sum of weights must be non-zero")
        return fsum([x * w for x, w in zip(data, weights)]) / den
    if not data:
        raise StatisticsError("fmean requires at least one data point")
    return fsum(data) / len(data)


def _quotient(num, den):
    # sum(num) / sum(den), both kept exact as float parts, rounded once.
    d = fsum(den)
    q = fsum(num) / d
    rest = list(num)
    for x in den:
        p, e = _two_prod(q, x)
        rest += [-p, -e]
    return q + fsum(rest) / d


def _parts(v):
    return _ints(v) if type(v) is int else [float(v)]


def harmonic_mean(data, weights=None):
    errmsg = "harmonic mean does not support negative values"
    data = list(data)
    n = len(data)
    if n < 1:
        raise StatisticsError("harmonic_mean requires at least one data point")
    if n == 1 and weights is None:
        x = data[0]
        if type(x) not in (int, float, bool):
            raise TypeError("unsupported type")
        if x < 0:
            raise StatisticsError(errmsg)
        return x
    if weights is None:
        weights = [1] * n
        sum_weights = [float(n)]
    else:
        weights = list(weights)
        if len(weights) != n:
            raise StatisticsError("Number of weights does not match data size")
        for w in weights:
            if w < 0:
                raise StatisticsError(errmsg)
        _data(weights)
        sum_weights = []
        for w in weights:
            sum_weights += _parts(w)
    _data(data)
    terms = []
    for w, x in zip(weights, data):
        if x < 0:
            raise StatisticsError(errmsg)
        if w:
            if x == 0:
                return 0
            terms.append(w / x)
    if fsum(terms) <= 0:
        raise StatisticsError("Weighted sum must be positive")
    return _quotient(sum_weights, terms)


def _ss(data, ints, c):
    # n * (the sum of squared deviations): as an int for ints, else as exact float parts.
    n = len(data)
    if c is not None:
        return [(x - c) * (x - c) * n for x in data], None
    if ints:
        try:
            return None, n * sum(x * x for x in data) - sum(data) ** 2
        except OverflowError:
            pass
    parts = []
    for x in data:
        p, e = _two_prod(float(x), float(x))
        parts += _two_prod(p, float(n)) + _two_prod(e, float(n))
    s = [float(x) for x in data]
    hi = fsum(s)
    lo = fsum(s + [-hi])
    for a, b in ((hi, hi), (hi, 2 * lo), (lo, lo)):
        p, e = _two_prod(a, b)
        parts += [-p, -e]
    return parts, None


def _var(data, c, k, name):
    data, ints = _data(data)
    n = len(data)
    if n < 1 + k:
        raise StatisticsError(f"{name} requires at least {'one data point' if k == 0 else 'two data points'}")
    parts, whole = _ss(data, ints, c)
    if whole is not None:
        parts = _ints(whole)
    return parts, n * (n - k), whole


def variance(data, xbar=None):
    parts, d, whole = _var(data, xbar, 1, "variance")
    if whole is not None and whole % d == 0:
        return whole // d
    return _div(parts, d)


def pvariance(data, mu=None):
    parts, d, whole = _var(data, mu, 0, "pvariance")
    if whole is not None and whole % d == 0:
        return whole // d
    return _div(parts, d)


def _sqrt(parts, d):
    hi = _div(parts, d)
    p, e = _two_prod(hi, float(d))
    lo = fsum(parts + [-p, -e]) / d
    s = sqrt(hi)
    if not s:
        return s
    p, e = _two_prod(s, s)
    return s + fsum([hi, -p, -e, lo]) / (2 * s)


def stdev(data, xbar=None):
    return _sqrt(*_var(data, xbar, 1, "stdev")[:2])


def pstdev(data, mu=None):
    return _sqrt(*_var(data, mu, 0, "pstdev")[:2])


def median(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[(n - 1) // 2]


def median_high(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[n // 2]


def _counts(data):
    counts = {}
    for x in data:
        counts[x] = counts.get(x, 0) + 1
    return counts


def mode(data):
    counts = _counts(data)
    if not counts:
        raise StatisticsError("no mode for empty data")
    top = max(counts.values())
    for x, k in counts.items():
        if k == top:
            return x


def multimode(data):
    counts = _counts(data)
    if not counts:
        return []
    top = max(counts.values())
    return [x for x, k in counts.items() if k == top]


def quantiles(data, *, n=4, method="exclusive"):
    # CPython's own arithmetic, step for step, so the floats come out the same.
    if n < 1:
        raise StatisticsError("n must be at least 1")
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        raise StatisticsError("must have at least two data points")
    if method == "inclusive":
        m = ld - 1
        result = []
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            result.append((data[j] * (n - delta) + data[j + 1] * delta) / n)
        return result
    if method == "exclusive":
        m = ld + 1
        result = []
        for i in range(1, n):
            j = min(max(i * m // n, 1), ld - 1)
            delta = i * m - j * n
            result.append((data[j - 1] * (n - delta) + data[j] * delta) / n)
        return result
    raise ValueError(f"Unknown method: {method!r}")
