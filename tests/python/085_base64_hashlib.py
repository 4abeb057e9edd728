# base64 (standard, urlsafe, base16, strict and lenient decoding with binascii's errors) and
# hashlib's SHA-2 digests over str.encode() bytes.
import base64
import hashlib

for text in ["", "a", "ab", "abc", "hello world", "héllo ☕ ünïcode", "?>?>~~~"]:
    enc = base64.b64encode(text.encode())
    url = base64.urlsafe_b64encode(text.encode())
    print(repr(text), enc, url, base64.b64decode(enc).decode() == text, base64.urlsafe_b64decode(url).decode())
token = base64.b64encode("user:secret".encode()).decode("ascii")
print(f"Authorization: Basic {token}", base64.b64decode(token))
print(base64.b64decode("aGVs bG8=\n"), base64.b64decode(b"aGVsbG8"[:4]), base64.b64decode("YQ==YWJj"))
print(base64.b64encode(b"\xfb\xff", altchars=b"-_"), base64.b64decode("-_8=", altchars="-_"))
print(base64.standard_b64encode(b"xyz"), base64.b16encode(b"\x00\xabz"), base64.b16decode("00AB7a", casefold=True))
for bad, strict in [("abc", False), ("abcde", False), ("ab$c", True), ("=abc", True), ("ab=c", True), ("YQ==YQ==", True)]:
    try:
        print(base64.b64decode(bad, validate=strict))
    except ValueError as e:
        print(type(e).__name__, e)
for bad in ["text", 5]:
    try:
        base64.b64encode(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    base64.b64decode("é")
except ValueError as e:
    print("ValueError:", e)

h = hashlib.sha256("hello".encode())
print(h.hexdigest(), h.name, h.digest_size, h.block_size, len(h.digest()))
h2 = h.copy()
h.update(b" world")
print(h.hexdigest() == hashlib.sha256(b"hello world").hexdigest(), h2.hexdigest() == hashlib.sha256(b"hello").hexdigest())
print(hashlib.sha256().hexdigest())
print(hashlib.sha512(b"abc").hexdigest()[:32], hashlib.sha224(b"").hexdigest(), hashlib.sha384(b"x").digest().hex()[:16])
print(hashlib.new("sha256", "café".encode()).hexdigest(), hashlib.new("SHA256").name)
key = hashlib.sha256(("GET" + "/v1/items").encode()).hexdigest()[:12]
print(key, hashlib.sha256(b"abc").digest()[:4])
for bad in [lambda: hashlib.sha256("text"), lambda: hashlib.new("whirlpool")]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
