"""A small `requests` for Interleave, on top of `_interleave.request_blocking`
(docs/simulated-api.md).

requests is a blocking library: a call holds the whole event loop until its answer comes,
which is the lesson tutorials use it for (and why they move it to `asyncio.to_thread`). Here
the request's latency holds the loop as `time.sleep` would, drawn on the timeline as a hold.
Public API and wording follow requests 2.32 for what tutorials use: get/post/put/patch/
delete/head/options/request, Session, Response (status_code, ok, reason, text, content,
json(), headers, url, elapsed, raise_for_status), `requests.codes` and the exception tree in
`requests.exceptions`. Plain Python only: the same file runs under CPython (oracle) and inside
the engine.
"""
import datetime as _datetime
import json as _json
import sys as _sys
import time as _time
from urllib.parse import urlencode as _urlencode

import _interleave
import requests_exceptions as exceptions
from requests_exceptions import (ConnectionError, ConnectTimeout, HTTPError, InvalidJSONError,
                                 InvalidSchema, InvalidURL, JSONDecodeError, MissingSchema,
                                 ReadTimeout, RequestException, Timeout, TooManyRedirects,
                                 URLRequired)

# `import requests.exceptions` and `from requests.exceptions import HTTPError` under CPython,
# where this file is a module rather than a package (the engine knows the name itself).
_sys.modules.setdefault("requests.exceptions", exceptions)

__version__ = "2.32.3"


class CaseInsensitiveDict:
    """Headers: keys compare without case, and keep the case they were set with."""

    def __init__(self, data=None, **kwargs):
        self._store = {}
        self.update(data or {}, **kwargs)

    def __setitem__(self, key, value):
        self._store[key.lower()] = (key, value)

    def __getitem__(self, key):
        return self._store[key.lower()][1]

    def __delitem__(self, key):
        del self._store[key.lower()]

    def __contains__(self, key):
        return key.lower() in self._store

    def __iter__(self):
        return (casedkey for casedkey, _ in self._store.values())

    def __len__(self):
        return len(self._store)

    def __eq__(self, other):
        if not isinstance(other, (dict, CaseInsensitiveDict)):
            return NotImplemented
        other = CaseInsensitiveDict(other)
        return dict(self.lower_items()) == dict(other.lower_items())

    def get(self, key, default=None):
        return self[key] if key in self else default

    def update(self, data=(), **kwargs):
        items = data.items() if hasattr(data, "items") else data
        for k, v in items:
            self[k] = v
        for k, v in kwargs.items():
            self[k] = v

    def keys(self):
        return list(self)

    def values(self):
        return [v for _, v in self._store.values()]

    def items(self):
        return [(k, v) for k, v in self._store.values()]

    def lower_items(self):
        return [(k, v[1]) for k, v in self._store.items()]

    def copy(self):
        return CaseInsensitiveDict(self.items())

    def __repr__(self):
        return str(dict(self.items()))


def _default_headers():
    return CaseInsensitiveDict({
        "User-Agent": "python-requests/" + __version__,
        "Accept-Encoding": "gzip, deflate",
        "Accept": "*/*",
        "Connection": "keep-alive",
    })


class _Codes:
    """`requests.codes.ok` and friends: the names tutorials use."""

    def __init__(self):
        names = {
            200: ("ok", "okay", "all_ok", "all_okay", "all_good"), 201: ("created",),
            202: ("accepted",), 204: ("no_content",), 301: ("moved_permanently", "moved"),
            302: ("found",), 304: ("not_modified",), 400: ("bad_request", "bad"),
            401: ("unauthorized",), 403: ("forbidden",), 404: ("not_found",),
            405: ("method_not_allowed", "not_allowed"), 408: ("request_timeout", "timeout"),
            409: ("conflict",), 418: ("im_a_teapot", "teapot"),
            422: ("unprocessable_entity", "unprocessable"),
            429: ("too_many_requests", "too_many"),
            500: ("internal_server_error", "server_error"), 502: ("bad_gateway",),
            503: ("service_unavailable", "unavailable"), 504: ("gateway_timeout",),
        }
        for code, titles in names.items():
            for title in titles:
                setattr(self, title, code)
                setattr(self, title.upper(), code)

    def __repr__(self):
        return "<lookup 'status_codes'>"


codes = _Codes()


class PreparedRequest:
    def __init__(self, method, url, headers, body):
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body

    def __repr__(self):
        return f"<PreparedRequest [{self.method}]>"


class Response:
    def __init__(self, status_code, reason, headers, text, url, request, elapsed):
        self.status_code = status_code
        self.reason = reason
        self.headers = CaseInsensitiveDict(headers)
        self.text = text
        self.content = text.encode("utf-8")
        self.encoding = "utf-8"
        self.url = url
        self.request = request
        self.elapsed = elapsed
        self.history = []

    @property
    def ok(self):
        try:
            self.raise_for_status()
        except HTTPError:
            return False
        return True

    def __bool__(self):
        return self.ok

    def __repr__(self):
        return f"<Response [{self.status_code}]>"

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def close(self):
        pass

    def json(self, **kwargs):
        try:
            return _json.loads(self.text, **kwargs)
        except _json.JSONDecodeError as e:
            raise JSONDecodeError(e.msg, e.doc, e.pos)

    def iter_lines(self, chunk_size=512, decode_unicode=False, delimiter=None):
        lines = self.text.split(delimiter) if delimiter else self.text.splitlines()
        for line in lines:
            yield line if decode_unicode else line.encode("utf-8")

    def raise_for_status(self):
        http_error_msg = ""
        if 400 <= self.status_code < 500:
            http_error_msg = f"{self.status_code} Client Error: {self.reason} for url: {self.url}"
        elif 500 <= self.status_code < 600:
            http_error_msg = f"{self.status_code} Server Error: {self.reason} for url: {self.url}"
        if http_error_msg:
            raise HTTPError(http_error_msg, response=self)


def _encode_params(data):
    """A query or form body from a dict or pairs, as requests encodes them (None values left
    out, a list value repeats its key)."""
    if isinstance(data, (str, bytes)):
        return data.decode("utf-8") if isinstance(data, bytes) else data
    pairs = data.items() if hasattr(data, "items") else data
    result = []
    for k, vs in pairs:
        if isinstance(vs, (str, bytes)) or not hasattr(vs, "__iter__"):
            vs = [vs]
        for v in vs:
            if v is not None:
                result.append((k, v))
    return _urlencode(result, doseq=True)


def _pool(url):
    """("HTTPSConnectionPool", host, port, path) of a URL, for the errors urllib3 words."""
    scheme, _, rest = url.partition("://")
    hostport = rest.split("/", 1)[0].split("?", 1)[0].rpartition("@")[2]
    host, _, port = hostport.partition(":")
    https = scheme.lower() == "https"
    path = rest[len(rest.split("/", 1)[0]):] or "/"
    return ("HTTPSConnectionPool" if https else "HTTPConnectionPool", host,
            int(port) if port.isdigit() else (443 if https else 80), path)


class Session:
    def __init__(self):
        self.headers = _default_headers()
        self.params = {}
        self.auth = None
        self.verify = True

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def close(self):
        pass

    def mount(self, prefix, adapter):
        pass

    def request(self, method, url, params=None, data=None, headers=None, cookies=None,
                files=None, auth=None, timeout=None, allow_redirects=True, proxies=None,
                hooks=None, stream=None, verify=None, cert=None, json=None):
        method = str(method).upper()
        url = str(url).strip()
        scheme, sep, rest = url.partition("://")
        if not sep:
            raise MissingSchema(f"Invalid URL {url!r}: No scheme supplied. "
                                f"Perhaps you meant https://{url}?")
        if scheme.lower() not in ("http", "https"):
            raise InvalidSchema(f"No connection adapters were found for {url!r}")
        if not rest.split("/", 1)[0]:
            raise InvalidURL(f"Invalid URL {url!r}: No host supplied")
        query = _encode_params(dict(self.params, **(params or {}))
                               if hasattr(params or {}, "items") else params)
        if query:
            url = url.split("#", 1)[0]
            url += ("&" if "?" in url else "?") + query
        sent = self.headers.copy()
        sent.update(headers or {})
        body = None
        if json is not None:
            body = _json.dumps(json, allow_nan=False)
            if "content-type" not in sent:
                sent["Content-Type"] = "application/json"
        elif data:
            body = _encode_params(data) if not isinstance(data, (str, bytes)) else (
                data.decode("utf-8") if isinstance(data, bytes) else data)
            if "content-type" not in sent and not isinstance(data, (str, bytes)):
                sent["Content-Type"] = "application/x-www-form-urlencoded"
        if body is not None:
            sent["Content-Length"] = str(len(body.encode("utf-8")))
        read_timeout = timeout[1] if isinstance(timeout, tuple) else timeout
        request = PreparedRequest(method, url, sent, body)
        started = _time.perf_counter()
        try:
            status, reason, rh, text, final = _interleave.request_blocking(
                method, url, dict(sent.items()), body, read_timeout)
        except TimeoutError:
            pool, host, port, _ = _pool(url)
            raise ReadTimeout(f"{pool}(host={host!r}, port={port}): Read timed out. "
                              f"(read timeout={read_timeout})", request=request)
        except OSError as e:
            if str(e) != "Name or service not known":
                # A real host, which a blocking request cannot reach in the page: its reason.
                raise ConnectionError(str(e), request=request)
            pool, host, port, path = _pool(url)
            raise ConnectionError(f"{pool}(host={host!r}, port={port}): Max retries exceeded "
                                  f"with url: {path} (Caused by NameResolutionError(\"Failed to "
                                  f"resolve {host!r} ({e})\"))", request=request)
        elapsed = _datetime.timedelta(seconds=_time.perf_counter() - started)
        return Response(status, reason, rh, text, final, request, elapsed)

    def get(self, url, **kwargs):
        return self.request("GET", url, **kwargs)

    def options(self, url, **kwargs):
        return self.request("OPTIONS", url, **kwargs)

    def head(self, url, **kwargs):
        kwargs.setdefault("allow_redirects", False)
        return self.request("HEAD", url, **kwargs)

    def post(self, url, data=None, json=None, **kwargs):
        return self.request("POST", url, data=data, json=json, **kwargs)

    def put(self, url, data=None, **kwargs):
        return self.request("PUT", url, data=data, **kwargs)

    def patch(self, url, data=None, **kwargs):
        return self.request("PATCH", url, data=data, **kwargs)

    def delete(self, url, **kwargs):
        return self.request("DELETE", url, **kwargs)


def session():
    return Session()


def request(method, url, **kwargs):
    with Session() as s:
        return s.request(method, url, **kwargs)


def get(url, params=None, **kwargs):
    return request("GET", url, params=params, **kwargs)


def options(url, **kwargs):
    return request("OPTIONS", url, **kwargs)


def head(url, **kwargs):
    kwargs.setdefault("allow_redirects", False)
    return request("HEAD", url, **kwargs)


def post(url, data=None, json=None, **kwargs):
    return request("POST", url, data=data, json=json, **kwargs)


def put(url, data=None, **kwargs):
    return request("PUT", url, data=data, **kwargs)


def patch(url, data=None, **kwargs):
    return request("PATCH", url, data=data, **kwargs)


def delete(url, **kwargs):
    return request("DELETE", url, **kwargs)
