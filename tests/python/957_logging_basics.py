# logging without and with configuration: levels and their names, lastResort (a logger's
# warnings go to stderr as the bare message), the module functions configuring the root on
# first use, basicConfig (level, format, stream, force), %-style lazy arguments
import logging
import sys

print(logging.DEBUG, logging.INFO, logging.WARNING, logging.ERROR, logging.CRITICAL, logging.NOTSET)
print(logging.WARN == logging.WARNING, logging.FATAL == logging.CRITICAL)
print(logging.getLevelName(logging.INFO), logging.getLevelName("ERROR"), logging.getLevelName(25))

log = logging.getLogger("app")
print(log, log.getEffectiveLevel(), log.isEnabledFor(logging.INFO))
log.info("not shown: the root's level is WARNING")
log.warning("no handlers: %s goes to stderr as it is", "this")
log.error("%d of %d failed", 1, 3)

logging.warning("the module functions configure the root first")
logging.info("still not shown")
logging.basicConfig(level=logging.DEBUG)  # ignored: the root has its handler already
logging.debug("not shown either")
print(logging.getLogger().handlers)

logging.basicConfig(force=True, level=logging.DEBUG, stream=sys.stdout,
                    format="%(levelname)-8s %(name)s: %(message)s")
logging.debug("forced: now to stdout")
log.info("app inherits the root's level: %s", logging.getLevelName(log.getEffectiveLevel()))
log.log(logging.ERROR, "log() with a level, dict args: %(user)s=%(n)d", {"user": "ann", "n": 3})
log.setLevel("WARNING")
log.info("filtered by app's own level")
log.critical("critical %r", [1, "two"])
logging.addLevelName(25, "NOTICE")
log.setLevel(logging.NOTSET)
log.log(25, "a custom level")
print(logging.getLevelName(25), logging.getLevelName("NOTICE"))

logging.disable(logging.WARNING)
log.warning("disabled")
log.error("not disabled")
logging.disable(logging.NOTSET)
log.disabled = True
log.error("this logger is disabled")
log.disabled = False

try:
    log.setLevel("LOUD")
except ValueError as e:
    print("ValueError:", e)
try:
    log.log("INFO", "level must be an int here")
except TypeError as e:
    print("TypeError:", e)
try:
    logging.basicConfig(force=True, colour=True)
except ValueError as e:
    print("ValueError:", e)
logging.basicConfig(force=True, stream=sys.stdout)
logging.error("the default format")
log.warning("a %s", "warning")
logging.shutdown()
