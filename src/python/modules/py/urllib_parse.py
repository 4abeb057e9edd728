"""`urllib.parse`: urlparse/urlsplit (and their inverses), urljoin, quote/unquote (and the
`_plus` forms), urlencode, parse_qs and parse_qsl, as CPython 3.11 computes them, for str.

Left out: bytes arguments, the `encoding`/`errors` choices (always UTF-8, errors replaced),
IPv6 host checks, urldefrag and the `*_to_bytes` helpers. The results are namedtuples
(ParseResult, SplitResult) with hostname, port, username and password, as CPython's."""

from collections import namedtuple as _namedtuple

__all__ = ["urlparse", "urlunparse", "urljoin", "urlsplit", "urlunsplit", "quote", "quote_plus",
           "unquote", "unquote_plus", "urlencode", "parse_qs", "parse_qsl"]

uses_relative = ["", "ftp", "http", "gopher", "nntp", "imap", "wais", "file", "https", "shttp",
                 "mms", "prospero", "rtsp", "rtspu", "sftp", "svn", "svn+ssh", "ws", "wss"]
uses_netloc = ["", "ftp", "http", "gopher", "nntp", "telnet", "imap", "wais", "file", "mms",
               "https", "shttp", "snews", "prospero", "rtsp", "rtspu", "rsync", "svn", "svn+ssh",
               "sftp", "nfs", "git", "git+ssh", "ws", "wss"]
uses_params = ["", "ftp", "hdl", "prospero", "http", "imap", "https", "shttp", "rtsp", "rtspu",
               "sip", "sips", "mms", "sftp", "tel"]
scheme_chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-."
_ALWAYS_SAFE = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-~"


class _NetlocMixin:
    @property
    def username(self):
        userinfo, have, _ = self.netloc.rpartition("@")
        return userinfo.partition(":")[0] if have else None

    @property
    def password(self):
        userinfo, have, _ = self.netloc.rpartition("@")
        if not have:
            return None
        _, have, password = userinfo.partition(":")
        return password if have else None

    def _hostinfo(self):
        hostinfo = self.netloc.rpartition("@")[2]
        _, have_open, bracketed = hostinfo.partition("[")
        if have_open:
            hostname, _, port = bracketed.partition("]")
            _, _, port = port.partition(":")
        else:
            hostname, _, port = hostinfo.partition(":")
        return hostname, port or None

    @property
    def hostname(self):
        hostname = self._hostinfo()[0]
        if not hostname:
            return None
        separator = "%" if isinstance(hostname, str) else b"%"
        hostname, percent, zone = hostname.partition(separator)
        return hostname.lower() + percent + zone

    @property
    def port(self):
        port = self._hostinfo()[1]
        if port is not None:
            if port.isdigit() and port.isascii():
                port = int(port)
            else:
                raise ValueError(f"Port could not be cast to integer value as {port!r}")
            if not 0 <= port <= 65535:
                raise ValueError("Port out of range 0-65535")
        return port


class SplitResult(_namedtuple("SplitResult", "scheme netloc path query fragment", module=__name__),
                  _NetlocMixin):
    def geturl(self):
        return urlunsplit(self)


class ParseResult(_namedtuple("ParseResult", "scheme netloc path params query fragment",
                              module=__name__), _NetlocMixin):
    def geturl(self):
        return urlunparse(self)


def _splitnetloc(url, start=0):
    delim = len(url)
    for c in "/?#":
        wdelim = url.find(c, start)
        if wdelim >= 0:
            delim = min(delim, wdelim)
    return url[start:delim], url[delim:]


def urlsplit(url, scheme="", allow_fragments=True):
    url = url.lstrip("".join(chr(i) for i in range(33)))
    scheme = scheme.strip("".join(chr(i) for i in range(33)))
    for b in "\t\r\n":
        url = url.replace(b, "")
        scheme = scheme.replace(b, "")
    netloc = query = fragment = ""
    i = url.find(":")
    if i > 0 and url[0].isascii() and url[0].isalpha():
        if all(c in scheme_chars for c in url[:i]):
            scheme, url = url[:i].lower(), url[i + 1:]
    if url[:2] == "//":
        netloc, url = _splitnetloc(url, 2)
        if ("[" in netloc) != ("]" in netloc):
            raise ValueError("Invalid IPv6 URL")
    if allow_fragments and "#" in url:
        url, fragment = url.split("#", 1)
    if "?" in url:
        url, query = url.split("?", 1)
    return SplitResult(scheme, netloc, url, query, fragment)


def urlparse(url, scheme="", allow_fragments=True):
    scheme, netloc, url, query, fragment = urlsplit(url, scheme, allow_fragments)
    params = ""
    if scheme in uses_params and ";" in url:
        i = url.find(";", url.rfind("/")) if "/" in url else url.find(";")
        if i >= 0:
            url, params = url[:i], url[i + 1:]
    return ParseResult(scheme, netloc, url, params, query, fragment)


def urlunsplit(components):
    scheme, netloc, url, query, fragment = components
    if netloc or (scheme and scheme in uses_netloc and url[:2] != "//"):
        if url and url[:1] != "/":
            url = "/" + url
        url = "//" + (netloc or "") + url
    if scheme:
        url = scheme + ":" + url
    if query:
        url = url + "?" + query
    if fragment:
        url = url + "#" + fragment
    return url


def urlunparse(components):
    scheme, netloc, url, params, query, fragment = components
    if params:
        url = f"{url};{params}"
    return urlunsplit((scheme, netloc, url, query, fragment))


def urljoin(base, url, allow_fragments=True):
    if not base:
        return url
    if not url:
        return base
    bscheme, bnetloc, bpath, bparams, bquery, bfragment = urlparse(base, "", allow_fragments)
    scheme, netloc, path, params, query, fragment = urlparse(url, bscheme, allow_fragments)
    if scheme != bscheme or scheme not in uses_relative:
        return url
    if scheme in uses_netloc:
        if netloc:
            return urlunparse((scheme, netloc, path, params, query, fragment))
        netloc = bnetloc
    if not path and not params:
        return urlunparse((scheme, netloc, bpath, bparams, query or bquery, fragment))
    base_parts = bpath.split("/")
    if base_parts[-1] != "":
        del base_parts[-1]  # the last item is not a directory
    if path[:1] == "/":
        segments = path.split("/")
    else:
        segments = base_parts + path.split("/")
        segments[1:-1] = [s for s in segments[1:-1] if s]
    resolved = []
    for seg in segments:
        if seg == "..":
            if resolved:
                resolved.pop()
        elif seg != ".":
            resolved.append(seg)
    if segments[-1] in (".", ".."):
        resolved.append("")
    return urlunparse((scheme, netloc, "/".join(resolved) or "/", params, query, fragment))


def quote(string, safe="/", encoding=None, errors=None):
    if not string:
        return string
    out = []
    for c in string:
        if c in _ALWAYS_SAFE or c in safe:
            out.append(c)
        else:
            out.extend("%" + format(b, "02X") for b in c.encode())
    return "".join(out)


def quote_plus(string, safe="", encoding=None, errors=None):
    if " " not in string:
        return quote(string, safe, encoding, errors)
    return quote(string, safe + " ", encoding, errors).replace(" ", "+")


def _utf8(data):
    # UTF-8 bytes (ints) to str, a bad byte becoming U+FFFD, as bytes.decode(errors='replace').
    out = []
    i, n = 0, len(data)
    while i < n:
        b = data[i]
        size, low, high = ((1, 0, 0) if b < 0x80 else (2, 0x80, 0xBF) if 0xC2 <= b <= 0xDF else
                           (3, 0xA0 if b == 0xE0 else 0x80, 0x9F if b == 0xED else 0xBF)
                           if 0xE0 <= b <= 0xEF else
                           (4, 0x90 if b == 0xF0 else 0x80, 0x8F if b == 0xF4 else 0xBF)
                           if 0xF0 <= b <= 0xF4 else (0, 0, 0))
        if size == 1:
            out.append(chr(b))
            i += 1
            continue
        code = b & (0xFF >> (size + 1)) if size else 0
        j = i + 1
        while j < i + size and j < n and (low if j == i + 1 else 0x80) <= data[j] <= (high if j == i + 1 else 0xBF):
            code = code << 6 | data[j] & 0x3F
            j += 1
        if size and j == i + size:
            out.append(chr(code))
        else:
            out.append("\ufffd")
            j = max(j, i + 1)
        i = j
    return "".join(out)


def unquote(string, encoding="utf-8", errors="replace"):
    if "%" not in string:
        return string
    parts = string.split("%")
    out = [parts[0]]
    pending = []
    for part in parts[1:]:
        h = part[:2]
        if len(h) == 2 and all(c in "0123456789abcdefABCDEF" for c in h):
            pending.append(int(h, 16))
            rest = part[2:]
        else:
            rest = "%" + part
        if rest:
            out.append(_utf8(pending))
            pending = []
            out.append(rest)
    out.append(_utf8(pending))
    return "".join(out)


def unquote_plus(string, encoding="utf-8", errors="replace"):
    return unquote(string.replace("+", " "), encoding, errors)


def urlencode(query, doseq=False, safe="", encoding=None, errors=None, quote_via=quote_plus):
    if hasattr(query, "items"):
        query = query.items()
    else:
        try:
            if len(query) and not isinstance(query[0], tuple):
                raise TypeError
        except TypeError:
            raise TypeError("not a valid non-string sequence or mapping object") from None
    out = []
    for k, v in query:
        k = quote_via(str(k), safe, encoding, errors)
        if not doseq or isinstance(v, str):
            out.append(k + "=" + quote_via(str(v), safe, encoding, errors))
            continue
        try:
            len(v)
        except TypeError:
            out.append(k + "=" + quote_via(str(v), safe, encoding, errors))
        else:
            for elt in v:
                out.append(k + "=" + quote_via(str(elt), safe, encoding, errors))
    return "&".join(out)


def parse_qsl(qs, keep_blank_values=False, strict_parsing=False, encoding="utf-8",
              errors="replace", max_num_fields=None, separator="&"):
    if not separator or not isinstance(separator, str):
        raise ValueError("Separator must be of type string or bytes.")
    if max_num_fields is not None and max_num_fields < qs.count(separator) + 1:
        raise ValueError("Max number of fields exceeded")
    r = []
    for name_value in qs.split(separator):
        if not name_value and not strict_parsing:
            continue
        nv = name_value.split("=", 1)
        if len(nv) != 2:
            if strict_parsing:
                raise ValueError(f"bad query field: {name_value!r}")
            if not keep_blank_values:
                continue
            nv.append("")
        if nv[1] or keep_blank_values:
            r.append((unquote_plus(nv[0]), unquote_plus(nv[1])))
    return r


def parse_qs(qs, keep_blank_values=False, strict_parsing=False, encoding="utf-8",
             errors="replace", max_num_fields=None, separator="&"):
    result = {}
    for name, value in parse_qsl(qs, keep_blank_values, strict_parsing, encoding, errors,
                                 max_num_fields, separator):
        result.setdefault(name, []).append(value)
    return result
