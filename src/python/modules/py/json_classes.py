"""`json.JSONEncoder` and `json.JSONDecoder`, over the native `json.dumps` and `json.loads`:
a subclass overrides `default()` (or `encode()`, `decode()`) and is passed as `cls=`.
Left out: `skipkeys`, `strict`, `raw_decode()`; iterencode() yields the whole text at once."""


class JSONEncoder:
    item_separator = ", "
    key_separator = ": "

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ","
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f"Object of type {o.__class__.__name__} is not JSON serializable")

    def encode(self, o):
        from json import dumps  # here: json imports this module while it loads

        return dumps(o, ensure_ascii=self.ensure_ascii, allow_nan=self.allow_nan,
                     sort_keys=self.sort_keys, indent=self.indent, default=self.default,
                     separators=(self.item_separator, self.key_separator))

    def iterencode(self, o, _one_shot=False):
        yield self.encode(o)


class JSONDecoder:
    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float
        self.parse_int = parse_int
        self.parse_constant = parse_constant
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        from json import loads

        return loads(s, object_hook=self.object_hook, parse_float=self.parse_float,
                     parse_int=self.parse_int, parse_constant=self.parse_constant,
                     object_pairs_hook=self.object_pairs_hook)
