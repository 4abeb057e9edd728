# requests: the blocking client as tutorials use it (get/post/put/delete, params, headers,
# Session, raise_for_status, requests.codes, the exception tree), then moved to threads
import asyncio
import time

import requests
from requests.exceptions import HTTPError

BASE = "https://jsonplaceholder.example.com"


def fetch_user(i):
    r = requests.get(f"{BASE}/users/{i}", timeout=5)
    r.raise_for_status()
    return r.json()["name"]


start = time.perf_counter()
names = [fetch_user(i) for i in range(1, 4)]
print(names)
print(f"sync: {time.perf_counter() - start:.1f}s")

r = requests.get(f"{BASE}/posts", params={"userId": 1, "tag": ["a", "b"], "skip": None})
print(r, r.status_code, r.ok, r.reason, r.url)
print(r.headers["content-type"], r.headers.get("Content-Type"), "x-missing" in r.headers)
print(type(r.json()).__name__, len(r.content) == len(r.text.encode()))
print(r.request, r.request.method, r.request.headers["user-agent"])

bad = requests.get(f"{BASE}/status/404")
print(bad.ok, bool(bad), bad.status_code == requests.codes.not_found)
try:
    bad.raise_for_status()
except HTTPError as e:
    print("HTTPError:", e)
    print(e.response.status_code, isinstance(e, requests.RequestException), isinstance(e, IOError))

try:
    requests.get("example.com/users")
except requests.exceptions.MissingSchema as e:
    print(type(e).__name__, e)
try:
    requests.get("ftp://example.com/x")
except requests.exceptions.InvalidSchema as e:
    print(type(e).__name__, e)
try:
    requests.get(f"{BASE}/delay/2", timeout=0.5)
except requests.exceptions.Timeout as e:
    print(type(e).__name__, e)
try:
    requests.get("https://nope.invalid/x")
except requests.ConnectionError as e:
    print(type(e).__name__)
with requests.Session() as s:
    s.headers.update({"Authorization": "Bearer x"})
    p = s.post(f"{BASE}/posts", json={"title": "hi", "userId": 1})
    print(p.status_code, p.json())
    print(s.put(f"{BASE}/posts/1", data={"title": "new"}).status_code)
    print(s.delete(f"{BASE}/posts/1").status_code)


async def main():
    t0 = time.perf_counter()
    names = await asyncio.gather(*(asyncio.to_thread(fetch_user, i) for i in range(1, 4)))
    print(names, f"threads: {time.perf_counter() - t0:.1f}s")


asyncio.run(main())
