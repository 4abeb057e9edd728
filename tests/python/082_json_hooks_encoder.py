# json.loads' hooks (object_hook, object_pairs_hook, parse_float, parse_int, parse_constant),
# a JSONEncoder subclass's default() through cls=, a JSONDecoder subclass, JSONDecodeError.
import json
from collections import OrderedDict
from dataclasses import asdict, dataclass
from datetime import date


@dataclass
class Point:
    x: int
    y: int


class Encoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return asdict(o)
        if isinstance(o, date):
            return o.isoformat()
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)


doc = {"p": Point(1, 2), "when": date(2024, 5, 17), "tags": {3, 1, 2}}
print(json.dumps(doc, cls=Encoder))
print(json.dumps([Point(0, 1)], cls=Encoder, indent=2, sort_keys=True))
print(Encoder(sort_keys=True).encode({"b": 1, "a": Point(3, 4)}))
try:
    json.dumps({"x": object}, cls=Encoder)
except TypeError as e:
    print("TypeError:", e)
print(json.JSONEncoder().encode([1, "é"]), json.JSONEncoder(separators=(",", ":")).encode({"a": [1, 2]}))


def as_point(d):
    return Point(**d) if set(d) == {"x", "y"} else d


text = '{"a": {"x": 1, "y": 2}, "b": [1.5, 2, NaN], "c": {"z": 0}}'
print(json.loads(text, object_hook=as_point))
print(json.loads(text, object_pairs_hook=OrderedDict)["c"])
print(json.loads(text, object_pairs_hook=lambda pairs: pairs))
print(json.loads(text, parse_float=str, parse_int=lambda s: int(s) * 10, parse_constant=lambda s: s.lower()))
print(json.loads("[1, 2.50, -0.0, 3e2]", parse_float=lambda s: "f:" + s))


class PointDecoder(json.JSONDecoder):
    def __init__(self, **kw):
        super().__init__(object_hook=as_point, **kw)


print(json.loads('[{"x": 5, "y": 6}, {"y": 1}]', cls=PointDecoder))
print(json.JSONDecoder().decode('{"k": [true, null]}'))
try:
    json.loads('{"a": 1,}')
except json.JSONDecodeError as e:
    print(type(e).__name__, e.msg, e.pos, e.lineno, e.colno, isinstance(e, ValueError))
