"""`uuid`: UUID (from its hex text) and uuid4, whose 16 random bytes come from `random`, so a
seeded run repeats its ids (CPython's come from the system: they differ on every run)."""

import random as _random


class UUID:
    def __init__(self, hex=None):
        if not isinstance(hex, str):
            raise TypeError("one of the hex, bytes, bytes_le, fields, or int arguments must be given")
        h = hex.replace("urn:", "").replace("uuid:", "").strip("{}").replace("-", "").lower()
        if len(h) != 32 or any(c not in "0123456789abcdef" for c in h):
            raise ValueError("badly formed hexadecimal UUID string")
        object.__setattr__(self, "hex", h)

    def __str__(self):
        h = self.hex
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def __repr__(self):
        return f"UUID('{self}')"

    def __eq__(self, other):
        return isinstance(other, UUID) and self.hex == other.hex

    def __lt__(self, other):
        return self.hex < other.hex

    def __hash__(self):
        return hash(self.hex)

    def __setattr__(self, name, value):
        raise TypeError("UUID objects are immutable")

    @property
    def urn(self):
        return "urn:uuid:" + str(self)

    @property
    def version(self):
        return int(self.hex[12], 16) if self.hex[16] in "89ab" else None


def uuid4():
    b = [_random.getrandbits(8) for _ in range(16)]
    b[6] = (b[6] & 0x0F) | 0x40
    b[8] = (b[8] & 0x3F) | 0x80
    return UUID("".join(f"{x:02x}" for x in b))
