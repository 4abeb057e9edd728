# getattr/setattr/hasattr with defaults, callable, dynamic attribute names
class Config:
    debug = False
    def __init__(self):
        self.name = "app"
    def run(self):
        return "running"

c = Config()
print(getattr(c, "name"), getattr(c, "debug"), getattr(c, "missing", "fallback"))
print(hasattr(c, "name"), hasattr(c, "nope"), hasattr(c, "run"), hasattr(Config, "name"))
setattr(c, "level", 3)
print(c.level, getattr(c, "level"))
for field, value in {"host": "localhost", "port": 8080}.items():
    setattr(c, field, value)
print(c.host, c.port)
method = getattr(c, "run")
print(callable(method), method(), callable(c), callable(Config), callable(None), callable(print))
try:
    getattr(c, "missing")
except AttributeError as e:
    print("AttributeError:", e)
print(getattr([], "append") is not None, getattr("abc", "upper")())
print(getattr(3, "real"), hasattr(3, "bit_length"), getattr(None, "x", "none has no x"))
