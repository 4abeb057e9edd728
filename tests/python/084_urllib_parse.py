# urllib.parse: urlparse/urlsplit with their parts, urlunparse, urljoin, quote/unquote,
# urlencode (doseq too), parse_qs and parse_qsl.
import urllib.parse
from urllib.parse import parse_qs, parse_qsl, quote, quote_plus, unquote, urlencode, urljoin, urlparse

u = urlparse("https://user:pw@API.Example.com:8443/v1/items;type=a?q=café&page=2#top")
print(u)
print(u.scheme, u.netloc, u.path, u.params, u.query, u.fragment)
print(u.hostname, u.port, u.username, u.password, u.geturl() == urlparse(u.geturl()).geturl())
scheme, netloc, *rest = u
print(scheme, netloc, rest, u[2], len(u), u._replace(fragment="").geturl())
print(urlparse("example.com/path"), urlparse("//host/x").netloc, urlparse("mailto:a@b.c").path)
print(urllib.parse.urlsplit("http://h/p;x?y#z"), urlparse("http://h:80").port, urlparse("http://h").port)
print(urllib.parse.urlunparse(("http", "h.org", "/a b", "", "x=1", "f")))
print(urllib.parse.urlunsplit(("https", "h", "p", "", "")))

base = "http://a/b/c/d;p?q"
for rel in ["g", "./g", "g/", "/g", "//g", "?y", "g?y", "#s", "g#s", "..", "../g", "../..", "../../g",
            "../../../g", ".", "./", "g;x", "", "https://other/x"]:
    print(repr(rel), urljoin(base, rel))
print(urljoin("https://api.example.com/v1/", "users/7"), urljoin("https://api.example.com/v1", "users"))

for s in ["hello world", "a/b c?d=e&f", "café ☕", "~user_name-1.0", ""]:
    print(repr(quote(s)), repr(quote_plus(s)), repr(quote(s, safe="")), unquote(quote(s)) == s)
print(unquote("%E2%82%AC%20and%2"), unquote("bad%ZZ%C3"), urllib.parse.unquote_plus("a+b%2Bc"))

params = {"q": "python asyncio", "page": 2, "lang": "é&?", "ok": True}
print(urlencode(params))
print(urlencode([("tag", "a"), ("tag", "b c")]), urlencode({"ids": [1, 2, 3]}, doseq=True))
print(urlencode({"ids": [1, 2]}), urlencode({"p": "/x y"}, quote_via=quote, safe="/"))
q = "a=1&b=2&a=3&empty=&plus=x+y&enc=%C3%A9&flag"
print(parse_qs(q))
print(parse_qs(q, keep_blank_values=True))
print(parse_qsl(q), parse_qsl("x=1;y=2", separator=";"))
try:
    urlencode("abc")
except TypeError as e:
    print("TypeError:", e)
try:
    urlparse("http://h:99999").port
except ValueError as e:
    print("ValueError:", e)
