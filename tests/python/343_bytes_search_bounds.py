# bytes and bytearray find, rfind, index, rindex, count, startswith and endswith take start
# and end (negative, None, past the ends, huge), as str's do.
data = b'abcabcab'
cases = [
    ('find', (b'bc',)), ('find', (b'bc', 2)), ('find', (b'bc', 2, 4)), ('find', (b'bc', -3)),
    ('find', (99, 3)), ('find', (b'', 8)), ('find', (b'', 9)), ('find', (b'bc', None, 3)),
    ('rfind', (b'bc',)), ('rfind', (b'bc', 0, 5)), ('rfind', (b'',)), ('rfind', (b'', 1, 2)),
    ('rfind', (b'', 9)), ('rfind', (97, -4)), ('index', (b'ca', 3)), ('index', (b'ca', 6)),
    ('rindex', (b'ab', 0, 7)), ('rindex', (b'zz',)), ('count', (b'ab',)), ('count', (b'ab', 1)),
    ('count', (b'ab', 1, -1)), ('count', (b'',)), ('count', (b'', 3, 5)), ('count', (b'', 9)),
    ('count', (97, 10**30)), ('find', (b'ab', -10**30, 10**30)),
    ('startswith', (b'ca', 2)), ('startswith', (b'ca', 2, 3)), ('startswith', ((b'x', b'bc'), 1)),
    ('startswith', (b'', 8)), ('startswith', (b'', 9)), ('endswith', (b'ab', 0, 5)),
    ('endswith', (b'bc', 0, 5)), ('endswith', (b'c', None, -2)), ('endswith', (b'', 3, 2)),
    ('find', ()), ('find', (b'a', 1, 2, 3)), ('find', (b'a', 1.5)), ('find', ('a', 'x')),
    ('startswith', ()), ('startswith', (1, 'x')), ('startswith', ('a',)), ('count', (b'a', 0, [])),
]
for seq in (data, bytearray(data)):
    for name, args in cases:
        try:
            print(type(seq).__name__, name, args, getattr(seq, name)(*args))
        except Exception as e:
            print(type(seq).__name__, name, args, type(e).__name__, e)
