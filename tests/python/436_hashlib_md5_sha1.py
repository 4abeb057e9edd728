# hashlib.md5 and hashlib.sha1 as tutorials use them (cache keys, content checksums, dedup):
# hexdigest, digest, update in pieces, copy, new(name), sizes and names, and the str error
import asyncio
import hashlib


def cache_key(url, params):
    raw = url + "?" + "&".join(f"{k}={v}" for k, v in sorted(params.items()))
    return hashlib.md5(raw.encode()).hexdigest()[:12]


async def fetch(url):
    await asyncio.sleep(0.01)
    return f"<body of {url}>".encode()


async def main():
    print(hashlib.md5(b"").hexdigest())
    print(hashlib.sha1(b"").hexdigest())
    print(hashlib.md5(b"hello world").hexdigest(), hashlib.sha1(b"hello world").hexdigest())
    print(hashlib.md5(b"a" * 1000).digest()[:8], len(hashlib.sha1(b"x").digest()))
    h = hashlib.sha1()
    for part in (b"The quick brown fox ", b"jumps over ", b"the lazy dog"):
        h.update(part)
    snapshot = h.copy()
    h.update(bytearray(b"."))
    print(snapshot.hexdigest(), h.hexdigest())
    m = hashlib.new("MD5", b"abc")
    print(m.name, m.digest_size, m.block_size, m.hexdigest())
    s = hashlib.new("sha1")
    print(s.name, s.digest_size, s.block_size)
    print(cache_key("https://api.example.com/items", {"page": 2, "q": "asyncio"}))
    bodies = await asyncio.gather(*(fetch(u) for u in ["/a", "/b", "/a"]))
    digests = [hashlib.md5(b).hexdigest() for b in bodies]
    print(len(set(digests)), digests[0] == digests[2], digests[0][:10])
    try:
        hashlib.md5("text")
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
