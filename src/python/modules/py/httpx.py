"""A small httpx for Interleave, on top of `_interleave.request` (docs/simulated-api.md).

Public API and exception wording follow httpx 0.27 for what tutorials use (AsyncClient,
its Limits on connections, Response, raise_for_status, the exception tree). Plain Python only: the same file runs under
CPython (oracle) and inside the engine.
"""
import json as _json
import _interleave


class HTTPError(Exception):
    def __init__(self, message):
        super().__init__(message)


class RequestError(HTTPError):
    def __init__(self, message, *, request=None):
        super().__init__(message)
        self.request = request


class TransportError(RequestError):
    pass


class TimeoutException(TransportError):
    pass


class ConnectTimeout(TimeoutException):
    pass


class ReadTimeout(TimeoutException):
    pass


class WriteTimeout(TimeoutException):
    pass


class PoolTimeout(TimeoutException):
    pass


class NetworkError(TransportError):
    pass


class ConnectError(NetworkError):
    pass


class UnsupportedProtocol(TransportError):
    pass


class HTTPStatusError(HTTPError):
    def __init__(self, message, *, request, response):
        super().__init__(message)
        self.request = request
        self.response = response


class InvalidURL(Exception):
    def __init__(self, message):
        super().__init__(message)


class Timeout:
    def __init__(self, timeout=5.0, *, connect=None, read=None, write=None, pool=None):
        self.timeout = timeout
        self.read = read if read is not None else timeout

    def __repr__(self):
        return f"Timeout(timeout={self.timeout})"


class Limits:
    def __init__(self, *, max_connections=None, max_keepalive_connections=None, keepalive_expiry=5.0):
        self.max_connections = max_connections
        self.max_keepalive_connections = max_keepalive_connections
        self.keepalive_expiry = keepalive_expiry

    def __repr__(self):
        return (f"Limits(max_connections={self.max_connections}, "
                f"max_keepalive_connections={self.max_keepalive_connections}, "
                f"keepalive_expiry={self.keepalive_expiry})")


DEFAULT_LIMITS = Limits(max_connections=100, max_keepalive_connections=20)


class URL:
    def __init__(self, url):
        self._url = str(url)
        scheme, _, rest = self._url.partition("://")
        self.scheme = scheme.lower()
        hostport = rest.split("/", 1)[0].split("?", 1)[0]
        self.host = hostport.partition(":")[0].lower()
        tail = rest[len(hostport):].split("#", 1)[0]
        self.path = tail.split("?", 1)[0] or "/"
        self.query = tail.partition("?")[2].encode("ascii")

    def __str__(self):
        return self._url

    def __repr__(self):
        return f"URL({self._url!r})"

    def __eq__(self, other):
        return str(self) == str(other)

    def __hash__(self):
        return hash(self._url)


class Headers:
    def __init__(self, pairs=None):
        self._d = {}
        if pairs:
            for k in pairs:
                self._d[k.lower()] = pairs[k]

    def __getitem__(self, key):
        return self._d[key.lower()]

    def get(self, key, default=None):
        return self._d.get(key.lower(), default)

    def __contains__(self, key):
        return key.lower() in self._d

    def __iter__(self):
        return iter(self._d)

    def keys(self):
        return self._d.keys()

    def items(self):
        return self._d.items()

    def __repr__(self):
        return f"Headers({self._d!r})"


class Request:
    def __init__(self, method, url, headers=None, content=None):
        self.method = method
        self.url = URL(url)
        self.headers = Headers(headers)
        self.content = (content or "").encode("utf-8")

    def __repr__(self):
        return f"<Request({self.method!r}, {str(self.url)!r})>"


class Response:
    def __init__(self, status_code, *, headers=None, text="", request=None, reason_phrase=""):
        self.status_code = status_code
        self.headers = Headers(headers)
        self.text = text
        self.content = text.encode("utf-8")
        self._request = request
        self.reason_phrase = reason_phrase
        self.http_version = "HTTP/1.1"

    @property
    def request(self):
        if self._request is None:
            raise RuntimeError("The request instance has not been set on this response.")
        return self._request

    @property
    def url(self):
        return self.request.url

    @property
    def is_success(self):
        return 200 <= self.status_code <= 299

    @property
    def is_error(self):
        return 400 <= self.status_code <= 599

    @property
    def is_redirect(self):
        return self.status_code in (301, 302, 303, 307, 308) and "location" in self.headers

    def json(self, **kwargs):
        return _json.loads(self.text, **kwargs)

    def raise_for_status(self):
        if self.is_success:
            return self
        error_types = {1: "Informational response", 3: "Redirect response",
                       4: "Client error", 5: "Server error"}
        error_type = error_types.get(self.status_code // 100, "Invalid status code")
        message = (f"{error_type} '{self.status_code} {self.reason_phrase}' for url '{self.url}'\n"
                   "For more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/"
                   f"{self.status_code}")
        raise HTTPStatusError(message, request=self.request, response=self)

    def __repr__(self):
        return f"<Response [{self.status_code} {self.reason_phrase}]>"


def _quote(value):
    safe = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~"
    out = ""
    for ch in value:
        if ch in safe:
            out += ch
        elif ch == " ":
            out += "+"
        else:
            for b in ch.encode("utf-8"):
                out += "%" + "0123456789ABCDEF"[b // 16] + "0123456789ABCDEF"[b % 16]
    return out


def _param(v):
    if v is True:
        return "true"
    if v is False:
        return "false"
    if v is None:
        return ""
    return str(v)


class _Default:
    pass


_DEFAULT = _Default()


class _BaseClient:
    def __init__(self, *, base_url="", headers=None, timeout=5.0, params=None, **kwargs):
        self.base_url = str(base_url)
        self.headers = Headers(headers)
        self.timeout = timeout if isinstance(timeout, Timeout) else Timeout(timeout)
        self.params = params or {}
        self._closed = False

    @property
    def is_closed(self):
        return self._closed

    def _prepare(self, method, url, params, headers, json, content, timeout):
        """(request, its headers as sent, its body, its read timeout)."""
        if self._closed:
            raise RuntimeError("Cannot send a request, as the client has been closed.")
        url = str(url)
        if "://" not in url:
            if not self.base_url:
                raise UnsupportedProtocol("Request URL is missing an 'http://' or 'https://' protocol.")
            url = self.base_url.rstrip("/") + "/" + url.lstrip("/")
        merged = dict(self.params)
        if params:
            merged.update(params)
        if merged:
            query = "&".join(_quote(str(k)) + "=" + _quote(_param(v)) for k, v in merged.items())
            url = url + ("&" if "?" in url else "?") + query
        hdrs = dict(self.headers.items())
        if headers:
            hdrs.update(headers)
        body = content
        if json is not None:
            body = _json.dumps(json)
            hdrs["content-type"] = "application/json"
        t = self.timeout if timeout is _DEFAULT else timeout
        if isinstance(t, Timeout):
            t = t.read
        return Request(method, url, hdrs, body), hdrs, body, t


class AsyncClient(_BaseClient):
    def __init__(self, *, limits=DEFAULT_LIMITS, **kwargs):
        super().__init__(**kwargs)
        # Requests past max_connections wait for a connection, as in httpx's pool; named so
        # that its row on the timeline says what it limits.
        n = limits.max_connections
        self._pool = _interleave.semaphore(n, "httpx connections") if n else None

    async def aclose(self):
        self._closed = True

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.aclose()

    async def get(self, url, **kwargs):
        return await self.request("GET", url, **kwargs)

    async def post(self, url, **kwargs):
        return await self.request("POST", url, **kwargs)

    async def put(self, url, **kwargs):
        return await self.request("PUT", url, **kwargs)

    async def patch(self, url, **kwargs):
        return await self.request("PATCH", url, **kwargs)

    async def delete(self, url, **kwargs):
        return await self.request("DELETE", url, **kwargs)

    async def request(self, method, url, *, params=None, headers=None, json=None, content=None,
                      data=None, timeout=_DEFAULT, **kwargs):
        req, hdrs, body, t = self._prepare(method, url, params, headers, json, content, timeout)
        if self._pool is not None:
            await self._pool.acquire()
        try:
            status, reason, rh, text, final = await _interleave.request(method, req.url._url, hdrs, body, t)
        except TimeoutError:
            raise ReadTimeout("", request=req) from None
        except ConnectionError as e:
            raise ConnectError(str(e), request=req) from None
        finally:
            if self._pool is not None:
                self._pool.release()
        return Response(status, headers=rh, text=text, request=req, reason_phrase=reason)


class Client(_BaseClient):
    """httpx's blocking client: each request holds the whole event loop for its latency, as
    time.sleep would (the lesson; AsyncClient is the way in a coroutine)."""

    def close(self):
        self._closed = True

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.close()

    def get(self, url, **kwargs):
        return self.request("GET", url, **kwargs)

    def post(self, url, **kwargs):
        return self.request("POST", url, **kwargs)

    def put(self, url, **kwargs):
        return self.request("PUT", url, **kwargs)

    def patch(self, url, **kwargs):
        return self.request("PATCH", url, **kwargs)

    def delete(self, url, **kwargs):
        return self.request("DELETE", url, **kwargs)

    def head(self, url, **kwargs):
        return self.request("HEAD", url, **kwargs)

    def options(self, url, **kwargs):
        return self.request("OPTIONS", url, **kwargs)

    def request(self, method, url, *, params=None, headers=None, json=None, content=None,
                data=None, timeout=_DEFAULT, **kwargs):
        req, hdrs, body, t = self._prepare(method, url, params, headers, json, content, timeout)
        try:
            status, reason, rh, text, final = _interleave.request_blocking(method, req.url._url, hdrs, body, t)
        except TimeoutError:
            raise ReadTimeout("", request=req) from None
        except ConnectionError as e:
            raise ConnectError(str(e), request=req) from None
        return Response(status, headers=rh, text=text, request=req, reason_phrase=reason)


def request(method, url, **kwargs):
    with Client() as client:
        return client.request(method, url, **kwargs)


def stream(method, url, **kwargs):
    raise NotImplementedError(
        "httpx.stream() is not in Interleave's httpx: read the whole response with "
        "httpx.get(url).text, or AsyncClient's `await client.get(url)`.")


def get(url, **kwargs):
    return request("GET", url, **kwargs)


def options(url, **kwargs):
    return request("OPTIONS", url, **kwargs)


def head(url, **kwargs):
    return request("HEAD", url, **kwargs)


def post(url, **kwargs):
    return request("POST", url, **kwargs)


def put(url, **kwargs):
    return request("PUT", url, **kwargs)


def patch(url, **kwargs):
    return request("PATCH", url, **kwargs)


def delete(url, **kwargs):
    return request("DELETE", url, **kwargs)
