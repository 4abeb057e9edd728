# logging's logger tree and handlers: dotted names find their parents (also when a parent
# is made after its children), propagation to the root, propagate=False, handler levels,
# filters (Filter by name, an object, a function), a custom Handler, NullHandler, extra=,
# LoggerAdapter, and Formatter's '%', '{' and '$' styles
import logging
import sys

pool = logging.getLogger("shop.db.pool")
shop = logging.getLogger("shop")
print(pool.parent is shop, pool.parent.name)
db = logging.getLogger("shop.db")
print(pool.parent is db, db.parent is shop, shop.parent is logging.root, shop.getChild("db") is db)
print(logging.getLogger("shop") is shop, logging.getLogger("root") is logging.root)

root_h = logging.StreamHandler(sys.stdout)
root_h.setFormatter(logging.Formatter("root  | %(levelname)s %(name)s %(message)s"))
logging.root.addHandler(root_h)
logging.root.setLevel(logging.DEBUG)
shop_h = logging.StreamHandler(sys.stdout)
shop_h.setFormatter(logging.Formatter("shop  | %(levelname)s %(name)s %(message)s"))
shop_h.setLevel(logging.INFO)
shop.addHandler(shop_h)

pool.debug("only the root's handler takes DEBUG")
pool.info("both handlers")
db.propagate = False
pool.info("stops at shop.db, which has no handler")
db.propagate = True

class Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.lines = []

    def emit(self, record):
        self.lines.append(self.format(record))

c = Collect()
c.setFormatter(logging.Formatter("{levelname}/{name}/{message}", style="{"))
db.addHandler(c)
db.warning("collected %d", 1)
pool.error("collected too")
db.info("below the handler's level")
print(c.lines)
db.removeHandler(c)

class OddOnly:
    def filter(self, record):
        return record.args[0] % 2 == 1

shop_h.addFilter(OddOnly())
for i in range(3):
    shop.info("n=%d", i)
shop_h.filters.clear()
shop.addFilter(lambda record: "secret" not in record.getMessage())
shop.info("a secret")
shop.info("public")
shop.filters.clear()
root_h.addFilter(logging.Filter("shop.db"))
shop.info("from shop: not through root's filter")
pool.info("from shop.db.pool: through it")
root_h.filters.clear()

lib = logging.getLogger("lib")
lib.addHandler(logging.NullHandler())
lib.propagate = False
lib.error("swallowed by NullHandler")
print(lib.hasHandlers(), logging.getLogger("x").hasHandlers())

shop_h.setFormatter(logging.Formatter("$levelname [${user}] $message $$5", style="$"))
shop.info("extra fields", extra={"user": "ann"})
adapter = logging.LoggerAdapter(shop, {"user": "bob"})
adapter.warning("adapted %s", "message")
print(adapter.getEffectiveLevel(), adapter.isEnabledFor(logging.DEBUG))
try:
    shop.info("x", extra={"message": "clash"})
except KeyError as e:
    print("KeyError:", e)
for fmt, style in [("no fields here", "%"), ("{unclosed", "{"), ("%(message)s", "?")]:
    try:
        logging.Formatter(fmt, style=style)
    except ValueError as e:
        print("ValueError:", e)
fmt = logging.Formatter("%(levelno)s %(message)s", defaults={"unused": 1})
record = logging.makeLogRecord({"msg": "made %s", "args": ("by hand",), "levelno": 20})
print(fmt.format(record), record.getMessage())
print(logging.StreamHandler(sys.stdout), logging.NullHandler(), shop)
