# str.format field names: an index in [] is an int only when it is all decimal digits, so
# '{0[-1]}' looks up the string '-1'; empty names, text after ']', and indexes too large
# are ValueErrors, as in CPython.
data = [10, 20, 30]
table = {-1: 'int -1', '-1': 'str -1', 1: 'int 1', '1': 'str 1', '+1': 'str +1', '1_0': 'u'}
cases = [
    ('{0[-1]}', data), ('{0[1]}', data), ('{0[-1]}', table), ('{0[1]}', table),
    ('{0[+1]}', table), ('{0[+1]}', data), ('{0[01]}', data), ('{0[ 1]}', data),
    ('{0[1_0]}', table), ('{[0]}', data), ('{0[-1]}', 'ab'), ('{0[1]}', 'ab'),
    ('{0[]}', data), ('{0.}', data), ('{0[1]x}', data), ('{0[0].real}', data),
    ('{0[99999999999999999999]}', table), ('{0[99999999999999999999a]}', table),
    ('{0[9223372036854775807]}', data), ('{9223372036854775807}', data),
    ('{99999999999999999999}', data), ('{+1}', data), ('{-1}', data), ('{00}', data),
    ('{0[0]!r:>5}', ['x']), ('{0.real[0]}', 5),
]
for f, arg in cases:
    try:
        print(repr(f), repr(f.format(arg)))
    except Exception as e:
        print(repr(f), type(e).__name__, e)
print('{0[a]}-{0[b]}'.format({'a': 1, 'b': 2}), '{x[0][1]}'.format(x=[[7, 8]]))
