"""`base64`: b64encode/b64decode (with altchars and validate), their standard_ and urlsafe_
forms, and b16encode/b16decode, as CPython computes them (binascii's non-strict and strict
decoding, with its errors, raised as `binascii.Error`, a ValueError).

Left out: base32, base85, the legacy encode()/decode() on files and encodebytes."""


_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_VALUE = {ord(c): i for i, c in enumerate(_ALPHABET)}


class Error(ValueError):
    __module__ = "binascii"


def _data(s):
    # Bytes to encode, as a list of ints.
    if isinstance(s, str):
        raise TypeError(f"a bytes-like object is required, not '{type(s).__name__}'")
    try:
        return list(s) if isinstance(s, (bytes, bytearray)) else list(s.encode())
    except AttributeError:
        raise TypeError(f"a bytes-like object is required, not '{type(s).__name__}'") from None


def _decode_data(s):
    # What to decode, as a list of ints: bytes, or a str of ASCII.
    if isinstance(s, str):
        if not s.isascii():
            raise ValueError("string argument should contain only ASCII characters")
        return list(s.encode())
    if isinstance(s, (bytes, bytearray)):
        return list(s)
    raise TypeError(f"argument should be a bytes-like object or ASCII string, not {type(s).__name__!r}")


def _swap(ints, old, new):
    table = dict(zip(old, new))
    return [table.get(b, b) for b in ints]


def b64encode(s, altchars=None):
    data = _data(s)
    out = []
    for i in range(0, len(data), 3):
        chunk = data[i:i + 3]
        n = (chunk + [0, 0])[:3]
        v = n[0] << 16 | n[1] << 8 | n[2]
        quad = [_ALPHABET[v >> 18 & 63], _ALPHABET[v >> 12 & 63], _ALPHABET[v >> 6 & 63], _ALPHABET[v & 63]]
        out.append("".join(quad[:len(chunk) + 1]) + "=" * (3 - len(chunk)))
    encoded = list("".join(out).encode())
    if altchars is not None:
        encoded = _swap(encoded, b"+/", list(altchars)[:2])
    return bytes(encoded)


def _a2b(data, strict):
    # binascii.a2b_base64, step for step.
    if strict and data and data[0] == 61:
        raise Error("Leading padding not allowed")
    out = []
    quad = acc = pads = 0
    padding = False
    for i, c in enumerate(data):
        if c == 61:  # '='
            padding = True
            if strict and quad == 0:
                raise Error("Excess padding not allowed")
            if quad >= 2:
                pads += 1
                if quad + pads >= 4:
                    if strict and i + 1 < len(data):
                        raise Error("Excess data after padding")
                    return bytes(out)
            continue
        v = _VALUE.get(c)
        if v is None:
            if strict:
                raise Error("Only base64 data is allowed")
            continue
        if strict and padding:
            raise Error("Discontinuous padding not allowed")
        pads = 0
        # Each character completes a byte but the first of a quad: padding ends with them out.
        if quad:
            out.append((acc << 2 * quad | v >> 6 - 2 * quad) & 255)
        acc = v & (63 >> 2 * quad)
        quad = (quad + 1) % 4
    if quad == 1:
        raise Error("Invalid base64-encoded string: number of data characters "
                    f"({len(out) // 3 * 4 + 1}) cannot be 1 more than a multiple of 4")
    if quad:
        raise Error("Incorrect padding")
    return bytes(out)


def b64decode(s, altchars=None, validate=False):
    data = _decode_data(s)
    if altchars is not None:
        data = _swap(data, _decode_data(altchars), b"+/")
    return _a2b(data, validate)


def standard_b64encode(s):
    return b64encode(s)


def standard_b64decode(s):
    return b64decode(s)


def urlsafe_b64encode(s):
    return b64encode(s, b"-_")


def urlsafe_b64decode(s):
    return _a2b(_swap(_decode_data(s), b"-_", b"+/"), False)


def b16encode(s):
    return "".join(format(b, "02X") for b in _data(s)).encode()


def b16decode(s, casefold=False):
    text = "".join(chr(b) for b in _decode_data(s))
    if casefold:
        text = text.upper()
    if len(text) % 2:
        raise Error("Odd-length string")
    if any(c not in "0123456789ABCDEF" for c in text):
        raise Error("Non-base16 digit found")
    return bytes([int(text[i:i + 2], 16) for i in range(0, len(text), 2)])
