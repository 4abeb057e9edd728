"""bytes and bytearray at their edges: odd slices, sizes, signs and errors."""
cases = [
    lambda: b"abcdef"[::-(2**62)], lambda: b"abcdef"[-100:100:3], lambda: b"abc"[2**62:], lambda: b"abc"[-9223372036854775807],
    lambda: bytes.fromhex("a"), lambda: bytes.fromhex(" 0 1"), lambda: bytes.fromhex("é0"),
    lambda: (-9223372036854775807 - 1).to_bytes(8, "big", signed=True), lambda: (9223372036854775807).to_bytes(8, "little"),
    lambda: (-9223372036854775807 - 1).to_bytes(20, "big", signed=True), lambda: (1).to_bytes(0, "big"), lambda: (0).to_bytes(0, "big"),
    lambda: (128).to_bytes(1, "big", signed=True), lambda: (-128).to_bytes(1, "big", signed=True),
    lambda: (1).to_bytes(-1, "big"),
    lambda: int.from_bytes(b"\xff" * 100, "big", signed=True), lambda: int.from_bytes(b"\x00" * 9 + b"\x01", "big"),
    lambda: int.from_bytes(b"\x7f" + b"\xff" * 7, "big", signed=True), lambda: int.from_bytes(b"\x80" + b"\x00" * 7, "big", signed=True),
    lambda: int.from_bytes([256], "big"), lambda: int.from_bytes("ab", "big"),
    lambda: len(b"ab".replace(b"", b"x" * 1000)), lambda: repr(bytes(range(256)))[:60],
    lambda: b"a".split(None, -5), lambda: b"  a b  c ".split(None, 1), lambda: b"a,b".split(b",", 0),
    lambda: b"abc".strip(b""), lambda: b"".strip(), lambda: b"   ".rstrip(), lambda: b"xx".lstrip(b"x"),
    lambda: b"abc".count(b""), lambda: b"abc".find(b""), lambda: b"".find(b"a"), lambda: b"abc".find(256),
    lambda: b"ab" < bytearray(b"ab"), lambda: bytearray(b"b") > b"a", lambda: [1] < b"a",
    lambda: bytes(True), lambda: bytearray(b"x") * 3, lambda: bytes([True, False]),
    
    lambda: b"x".join([b"a"] * 3), lambda: b"abc".hex(), lambda: bytes(iter([1, 2])), lambda: bytes({3: 4}),
    lambda: "abc".encode(encoding="UTF_8"), lambda: b"A".decode(errors="strict"),
]
for i, f in enumerate(cases):
    try:
        print(i, f())
    except MemoryError:
        print(i, "MemoryError")
    except Exception as e:
        print(i, type(e).__name__, e)

def assign(ba, key, value):
    ba[key] = value
    return ba
for key, value in [(slice(5, 2), b"xyz"), (slice(-100, 100), b""), (slice(1, 2), [65, 66]), (-1, 0), (10, 1), (0, 256), (0, b"a"), (slice(0, 1), "s"), (slice(None, None, 2), b"zz")]:
    try:
        print(assign(bytearray(b"abcd"), key, value))
    except Exception as e:
        print(type(e).__name__, e)

# Extended slices with steps past the end (they must not overflow).
bs = b"abcdef"
print(bs[::2], bs[::-1], bs[1::10**18], bs[-1::-10**18], bs[5:0:-2], bs[::9223372036854775807])
a = bytearray(bs)
a[::2] = b"XYZ"
print(a)
a[::-3] = b"12"
print(a)
try:
    a[::2] = b"x"
except ValueError as e:
    print(e)
