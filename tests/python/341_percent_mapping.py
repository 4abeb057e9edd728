# '%' formatting with a mapping: a %(key) spec makes the named value the only argument left,
# so a later plain spec or '*' runs out ("not enough arguments"), while a plain spec before
# any key takes the mapping itself.
cases = [
    ('%(a)s %s', {'a': 1}), ('%s %(a)s', {'a': 1}), ('%(a)s %d', {'a': 1}),
    ('%(a)s', (1,)), ('%(a)s', 5), ('%(a)s %%', {'a': 1}), ('%s', {'a': 1}),
    ('%s %s', {'a': 1}), ('%(a)s %(b)s', {'a': 1}), ('%(a)*d', {'a': 1}),
    ('%*d', {'a': 1}), ('%(a)s %s', ({'a': 1},)), ('%(a)s', [1]), ('%(a)s %.*f', {'a': 1}),
    ('%(a)s-%(a)r-%(b)05d', {'a': 'x', 'b': 42}), ('%(a)s', {'a': 1, 'unused': 2}),
    ('%s %s', (1,)), ('%s', (1, 2)), ('%d%%', 50), ('%(x)s and %(y)s', {'x': 'p', 'y': 'q'}),
]
for fmt, arg in cases:
    try:
        print(repr(fmt), '->', repr(fmt % arg))
    except Exception as e:
        print(repr(fmt), '->', type(e).__name__, e)
