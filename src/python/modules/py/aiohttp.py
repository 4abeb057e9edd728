"""A small aiohttp for Interleave, on top of `_interleave.request` (docs/simulated-api.md).

Public API and exception wording follow aiohttp 3.x for what tutorials use. Plain Python only:
the same file runs under CPython (oracle) and inside the engine.
"""
import asyncio
import json as _json
import _interleave


class ClientError(Exception):
    pass


class ClientResponseError(ClientError):
    def __init__(self, request_info, history, *, status=None, message="", headers=None):
        super().__init__(request_info, history)
        self.request_info = request_info
        self.history = history
        self.status = status if status is not None else 0
        self.message = message
        self.headers = headers

    def __str__(self):
        return f"{self.status}, message={self.message!r}, url={str(self.request_info.real_url)!r}"

    def __repr__(self):
        args = f"{self.request_info!r}, {self.history!r}"
        if self.status != 0:
            args += f", status={self.status!r}"
        if self.message != "":
            args += f", message={self.message!r}"
        return f"{type(self).__name__}({args})"


class ContentTypeError(ClientResponseError):
    pass


class ClientConnectionError(ClientError):
    pass


class ClientOSError(ClientConnectionError):
    pass


class ClientConnectorError(ClientOSError):
    def __init__(self, host, port, strerror):
        super().__init__(None, strerror)
        self.host = host
        self.port = port
        self.strerror = strerror
        self.ssl = True

    def __str__(self):
        return f"Cannot connect to host {self.host}:{self.port} ssl:default [{self.strerror}]"


class InvalidURL(ClientError):
    def __init__(self, url):
        super().__init__(url)
        self.url = url

    def __str__(self):
        return str(self.url)


class HttpProcessingError(Exception):
    code = 0
    message = ""
    headers = None

    def __init__(self, *, code=None, message="", headers=None):
        if code is not None:
            self.code = code
        self.headers = headers
        self.message = message

    def __str__(self):
        return f"{self.code}, message={self.message!r}"

    def __repr__(self):
        return f"<{self.__class__.__name__}: {self}>"


class http_exceptions:
    """`aiohttp.http_exceptions` (Real Python's areq.py catches its HttpProcessingError)."""

    HttpProcessingError = HttpProcessingError


class ClientTimeout:
    def __init__(self, total=None, connect=None, sock_read=None, sock_connect=None, ceil_threshold=5):
        self.total = total
        self.connect = connect
        self.sock_read = sock_read
        self.sock_connect = sock_connect
        self.ceil_threshold = ceil_threshold


class TCPConnector:
    def __init__(self, limit=100, limit_per_host=0, **kwargs):
        self.limit = limit
        self.limit_per_host = limit_per_host
        # Named so that its row on the timeline says what it limits.
        self._sem = _interleave.semaphore(limit, "aiohttp connections") if limit else None
        self.closed = False

    async def close(self):
        self.closed = True


class RequestInfo:
    def __init__(self, url, method, headers):
        self.url = url
        self.method = method
        self.headers = headers
        self.real_url = url

    def __repr__(self):
        return f"RequestInfo(url={self.url!r}, method={self.method!r}, real_url={self.real_url!r})"


class Headers:
    """Case-insensitive read-only view of the response headers."""

    def __init__(self, pairs):
        self._d = {}
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
        return f"<CIMultiDictProxy({', '.join(repr(k) + ': ' + repr(v) for k, v in self._d.items())})>"


class ClientResponse:
    def __init__(self, method, status, reason, headers, text, url, request_info):
        self.method = method
        self.status = status
        self.reason = reason
        self.headers = Headers(headers)
        self._text = text
        self.url = url
        self.real_url = url
        self.request_info = request_info
        self.history = ()
        self.content_type = self.headers.get("content-type", "application/octet-stream")
        self.closed = False

    @property
    def ok(self):
        return self.status < 400

    async def read(self):
        return self._text.encode("utf-8")

    async def text(self, encoding=None):
        return self._text

    async def json(self, *, loads=_json.loads, content_type="application/json"):
        if content_type and content_type not in self.content_type:
            raise ContentTypeError(self.request_info, self.history, status=self.status,
                                   message=f"Attempt to decode JSON with unexpected mimetype: {self.content_type}")
        return loads(self._text)

    def raise_for_status(self):
        if not self.ok:
            raise ClientResponseError(self.request_info, self.history, status=self.status,
                                      message=self.reason, headers=self.headers)

    def release(self):
        self.closed = True

    def close(self):
        self.closed = True

    def __repr__(self):
        return f"<ClientResponse({self.url}) [{self.status} {self.reason}]>"

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


def _quote(value):
    safe = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~"
    out = ""
    for ch in str(value):
        if ch in safe:
            out += ch
        elif ch == " ":
            out += "+"
        else:
            for b in ch.encode("utf-8"):
                out += "%" + "0123456789ABCDEF"[b // 16] + "0123456789ABCDEF"[b % 16]
    return out


def _with_params(url, params):
    if not params:
        return url
    pairs = params.items() if isinstance(params, dict) else params
    query = "&".join(_quote(k) + "=" + _quote(v) for k, v in pairs)
    return url + ("&" if "?" in url else "?") + query


class _RequestContextManager:
    def __init__(self, session, method, url, kwargs):
        self._session = session
        self._method = method
        self._url = url
        self._kwargs = kwargs
        self._resp = None

    def __await__(self):
        return self._send().__await__()

    async def _send(self):
        self._resp = await self._session._request(self._method, self._url, **self._kwargs)
        return self._resp

    async def __aenter__(self):
        return await self._send()

    async def __aexit__(self, exc_type, exc, tb):
        self._resp.release()


class ClientSession:
    def __init__(self, base_url=None, *, connector=None, headers=None, timeout=None,
                 raise_for_status=False, **kwargs):
        self._base_url = base_url
        self._connector = connector if connector is not None else TCPConnector()
        self.headers = dict(headers) if headers else {}
        self.timeout = timeout if timeout is not None else ClientTimeout(total=300)
        self._raise_for_status = raise_for_status
        self._closed = False

    @property
    def closed(self):
        return self._closed

    async def close(self):
        self._closed = True

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.close()

    def request(self, method, url, **kwargs):
        return _RequestContextManager(self, method.upper(), url, kwargs)

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

    async def _request(self, method, url, *, params=None, headers=None, json=None, data=None,
                       timeout=None, raise_for_status=None, **kwargs):
        if self._closed:
            raise RuntimeError("Session is closed")
        url = str(url)
        if self._base_url is not None and url.startswith("/"):
            url = str(self._base_url).rstrip("/") + url
        if "://" not in url:
            raise InvalidURL(url)
        url = _with_params(url, params)
        hdrs = dict(self.headers)
        if headers:
            hdrs.update(headers)
        body = None
        if json is not None:
            body = _json.dumps(json)
            hdrs["Content-Type"] = "application/json"
        elif data is not None:
            body = data if isinstance(data, str) else _json.dumps(data)
        t = timeout if timeout is not None else self.timeout
        total = t.total if isinstance(t, ClientTimeout) else t
        info = RequestInfo(url, method, hdrs)
        sem = self._connector._sem
        if sem is not None:
            await sem.acquire()
        try:
            status, reason, rh, text, final = await _interleave.request(method, url, hdrs, body, total)
        except TimeoutError:
            raise asyncio.TimeoutError() from None
        except ConnectionError as e:
            host, port = _host_port(url)
            raise ClientConnectorError(host, port, str(e)) from e
        finally:
            if sem is not None:
                sem.release()
        resp = ClientResponse(method, status, reason, rh, text, final, info)
        check = raise_for_status if raise_for_status is not None else self._raise_for_status
        if check:
            resp.raise_for_status()
        return resp


class _SessionRequestContextManager:
    def __init__(self, coro, session):
        self._coro = coro
        self._resp = None
        self._session = session

    async def __aenter__(self):
        try:
            self._resp = await self._coro
        except BaseException:
            await self._session.close()
            raise
        return self._resp

    async def __aexit__(self, exc_type, exc, tb):
        self._resp.release()
        await self._session.close()


def request(method, url, *, params=None, data=None, json=None, headers=None, timeout=None,
            raise_for_status=None, connector=None, **kwargs):
    """aiohttp.request: a session of its own for one request, closed when the block ends."""
    session = ClientSession(connector=connector, timeout=timeout)
    coro = session._request(method.upper(), url, params=params, data=data, json=json,
                            headers=headers, raise_for_status=raise_for_status)
    return _SessionRequestContextManager(coro, session)


def _host_port(url):
    scheme, _, rest = url.partition("://")
    hostport = rest.split("/", 1)[0].split("?", 1)[0]
    host, _, port = hostport.partition(":")
    if not port.isdigit():
        port = "443" if scheme.lower() == "https" else "80"
    return host, int(port)
