# user-defined exceptions: inheriting from Exception, custom __init__ and __str__, hierarchy
class AppError(Exception):
    pass

class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"missing {key!r}")
        self.key = key

class Invalid(AppError):
    def __init__(self, field, reason):
        self.field = field
        self.reason = reason
        super().__init__(field, reason)

    def __str__(self):
        return f"{self.field}: {self.reason}"

def lookup(d, k):
    if k not in d:
        raise NotFound(k)
    return d[k]

for exc in (AppError(), AppError("plain"), NotFound("id"), Invalid("age", "negative")):
    print(type(exc).__name__, "|", str(exc), "|", repr(exc), "|", exc.args)
try:
    lookup({}, "user")
except AppError as e:
    print("caught as AppError:", type(e).__name__, e, e.key)
try:
    raise Invalid("email", "no @")
except NotFound:
    print("wrong handler")
except Invalid as e:
    print("caught Invalid:", e, e.field)
print(issubclass(NotFound, AppError), issubclass(AppError, Exception), isinstance(NotFound("x"), Exception))
class WithDefault(Exception):
    def __init__(self, msg="default message"):
        super().__init__(msg)
print(WithDefault(), repr(WithDefault()), WithDefault("custom"))
