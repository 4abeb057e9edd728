import collections.abc as cabc

b = b"hello world"
print(b, type(b), type(b).__name__, isinstance(b, bytes), isinstance(b, bytearray), type(b) is bytes)
print(bytes(), bytes(3), bytes([1, 2, 255]), bytes("héllo", "utf-8"), bytes(range(65, 70)), bytes(b"copy"))
print(bytearray(), bytearray(2), bytearray(b"abc"), bytearray("abc", "ascii"), bytearray([104, 105]))
print(b[0], b[-1], b[1:5], b[::-1], b[::2], b[100:], bytearray(b"xyz")[1:])
print(list(b"abc"), [x for x in bytearray(b"hi")], len(b), len(b""), bool(b""), bool(b"x"))
print(b"wor" in b, b"xyz" in b, 104 in b, 0 in b, b"" in b)
print(b"ab" + b"cd", b"ab" * 3, 2 * b"xy", b"ab" + bytearray(b"cd"), bytearray(b"ab") + b"cd", b"x" * 0, b"x" * -2)
print(b"abc" == b"abc", b"abc" == bytearray(b"abc"), bytearray(b"a") == b"a", b"abc" == "abc", b"a" != b"b")
print(b"abc" < b"abd", b"ab" < b"abc", b"b" > b"abc", b"a" <= b"a", sorted([b"pear", b"apple", b"fig"]))
d = {b"key": 1, (b"a", 1): 2}
print(d[b"key"], d["key".encode()], d[(b"a", 1)], b"key" in d, hash(b"abc") == hash("abc".encode()))
s = {b"x", b"x", "x".encode(), b"y"}
print(len(s), sorted(s))
print(repr(b"it's"), repr(b'say "hi"'), repr(b"both ' and \""), repr(b"\x00\x7f\x80\xff\t\n\r\\"))
print(str(b"abc"), f"{b'abc'}", "%s" % b"x", bytearray(b"it's"))
print(b.decode(), b"caf\xc3\xa9".decode("utf-8"), b"abc".decode("ascii"), b"\xe9".decode("latin-1"))
print(b.hex(), bytes.fromhex("de ad be ef"), bytearray.fromhex("00ff"), b"\x01\xab".hex())
print(b.startswith(b"hell"), b.endswith(b"world"), b.startswith((b"x", b"he")), b.endswith(b"x"))
print(b.split(), b.split(b"o"), b"a,b,,c".split(b","), b"  a  b ".split(), b"a b c".split(maxsplit=1), b"a-b-c".split(b"-", 1))
print(b"-".join([b"a", b"b", bytearray(b"c")]), b"".join([]), bytearray(b", ").join([b"x", b"y"]))
print(b"  pad \n".strip(), b"xxhixx".strip(b"x"), b"  l".lstrip(), b"r  ".rstrip())
print(b.replace(b"o", b"0"), b.replace(b"l", b"L", 2), b"ab".replace(b"", b"-"))
print(b.find(b"o"), b.find(b"z"), b.find(111), b.index(b"w"), b.count(b"o"), b.count(b"l"))
print(b.upper(), b"MiXeD".lower(), b"123".isdigit(), b"abc".isalpha(), b" ".isspace())
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (255).to_bytes(1, "big"), (0).to_bytes(4, "big"))
print((-1).to_bytes(2, "big", signed=True), (-129).to_bytes(2, "little", signed=True), (5).to_bytes(), (2**62).to_bytes(8, "big"))
print(int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\x04\x00", "little"), int.from_bytes(b"\xff\xff", "big", signed=True))
print(int.from_bytes(b"\x80", "big", signed=True), int.from_bytes([1, 0], "big"), int.from_bytes(b"", "big"), int.from_bytes(b"\x00" * 20 + b"\x07", "big"))
ba = bytearray(b"hello")
ba[0] = 74
ba.append(33)
ba.extend(b" ok")
ba.extend([65, 66])
ba += b"!"
print(ba, len(ba), ba[0], ba.pop(), ba, bytes(ba))
ba[1:3] = b"EE"
print(ba, ba.upper(), type(ba.upper()).__name__, ba.split(b" "))
print(isinstance(b, cabc.Sequence), isinstance(ba, cabc.MutableSequence), isinstance(b, cabc.Hashable), isinstance(ba, cabc.Hashable), isinstance(b, cabc.ByteString))
CASES = [
    ('b"a" + "b"', lambda: b"a" + "b"),
    ('"a" + b"b"', lambda: "a" + b"b"),
    ('bytearray(b"a") + "b"', lambda: bytearray(b"a") + "b"),
    ('b"a".startswith("a")', lambda: b"a".startswith("a")),
    ('"a" in b"abc"', lambda: "a" in b"abc"),
    ('b"-".join(["a"])', lambda: b"-".join(["a"])),
    ('bytes("abc")', lambda: bytes("abc")),
    ('bytes(-1)', lambda: bytes(-1)),
    ('bytes([256])', lambda: bytes([256])),
    ('bytes([1.5])', lambda: bytes([1.5])),
    ('bytes(1.5)', lambda: bytes(1.5)),
    ('bytes(10**12)', lambda: bytes(10**12)),
    ('b"abc"[5]', lambda: b"abc"[5]),
    ('bytearray(b"a")[3]', lambda: bytearray(b"a")[3]),
    ('bytes.fromhex("zz")', lambda: bytes.fromhex("zz")),
    ('b"\\xff".decode()', lambda: b"\xff".decode()),
    ('b"\\xc3".decode()', lambda: b"\xc3".decode()),
    ('b"\\xc3(".decode()', lambda: b"\xc3(".decode()),
    ('b"\\x80".decode("ascii")', lambda: b"\x80".decode("ascii")),
    ('"é".encode("ascii")', lambda: "é".encode("ascii")),
    ('"aé€😀b".encode("ascii")', lambda: "aé€😀b".encode("ascii")),
    ('"a€".encode("latin-1")', lambda: "a€".encode("latin-1")),
    ('bytearray(b"a") * 1.5', lambda: bytearray(b"a") * 1.5),
    ('(256).to_bytes(1, "big")', lambda: (256).to_bytes(1, "big")),
    ('(-1).to_bytes(1, "big")', lambda: (-1).to_bytes(1, "big")),
    ('(1).to_bytes(1, "middle")', lambda: (1).to_bytes(1, "middle")),
    ('{bytearray(b"a"): 1}', lambda: {bytearray(b"a"): 1}),
    ('hash(bytearray())', lambda: hash(bytearray())),
    ('b"a" < "a"', lambda: b"a" < "a"),
    ('b"abc".index(b"z")', lambda: b"abc".index(b"z")),
    ('300 in b"a"', lambda: 300 in b"a"),
    ('bytearray().pop()', lambda: bytearray().pop()),
    ('bytes(object())', lambda: bytes(object())),
    ('b"a".split(b"")', lambda: b"a".split(b"")),
    ('"x".encode("nope")', lambda: "x".encode("nope")),
    ('b"a" * 1.5', lambda: b"a" * 1.5),
    ('bytes("x", "utf-8", "strict", 1)', lambda: bytes("x", "utf-8", "strict", 1)),
]


def assign():
    b"abc"[0] = 1


CASES.append(("b'abc'[0] = 1", assign))
for label, f in CASES:
    try:
        print(label, "->", f())
    except MemoryError as e:
        print(label, "->", type(e).__name__)
    except Exception as e:
        print(label, "->", type(e).__name__, e)
print("é".encode(), "é".encode("utf-8"), "abc".encode("ascii"), "é".encode("latin-1"))
print(b"a\xffb".decode("utf-8", "replace"), b"a\xffb".decode("utf-8", "ignore"))
print(str(b"caf\xc3\xa9", "utf-8"), str(b"abc", encoding="ascii"), str(bytearray(b"x"), "utf-8"), str(b"x"))
try:
    str("a", "utf-8")
except TypeError as e:
    print("TypeError:", e)
fs = frozenset({b"a", b"b"})
print(fs == frozenset({"a".encode(), "b".encode()}), b"a" in fs, {b"k": 1}.get("k".encode()), {b"a", b"b"} - {"a".encode()})
counts = {}
for word in b"the cat the dog the end".split():
    counts[word] = counts.get(word, 0) + 1
print(counts)
print(bytes(ba), ba.decode(), list(reversed(b"abc")), max(b"azb"), sum(b"\x01\x02"), b"abc"[1:2] == b"b")
import base64
import copy
import hashlib

original = bytearray(b"ab")
shallow, deep = copy.copy(original), copy.deepcopy([original])
original.append(99)
print(shallow, deep, shallow is original, copy.deepcopy(b"x"))
print(base64.b64encode(bytearray(b"hi")), base64.b64decode(b"aGk="), hashlib.sha256(bytearray(b"a")).hexdigest()[:8])
import json

print(json.loads(b'{"a": 1}'), json.loads(bytearray(b"[1, 2]")))
