# bytes.hex and bytearray.hex with a separator and a group size: groups counted from the
# right, or from the left when negative; the separator must be one ASCII character.
d = b'\x01\x02\x03\x04\x05'
cases = [
    ((), {}), ((':',), {}), ((':', 2), {}), ((':', -2), {}), ((b'-', 3), {}), (('-', -3), {}),
    ((':', 5), {}), ((':', 6), {}), ((':', -5), {}), (('::',), {}), (('',), {}), ((':', 0), {}),
    ((), {'sep': '_', 'bytes_per_sep': 2}), ((5,), {}), ((None,), {}), (('\u00e9',), {}),
    ((b'\xff',), {}), ((b'',), {}), ((bytearray(b'|'), 4), {}), ((':', 10**30), {}),
    ((':', 2**31), {}), ((':', 2**31 - 1), {}), ((':', 1.0), {}), ((':', 2, 3), {}),
    ((), {'bytes_per_sep': 2}), ((' ', True), {}),
]
for seq in (d, bytearray(d)):
    for args, kw in cases:
        try:
            print(type(seq).__name__, args, kw, seq.hex(*args, **kw))
        except Exception as e:
            print(type(seq).__name__, args, kw, type(e).__name__, e)
print(repr(b''.hex(':')), bytes(range(16)).hex(' ', 4), bytes(range(16)).hex(' ', -6))
