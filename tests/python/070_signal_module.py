# signal: the signal numbers (an IntEnum, Linux's), SIG_DFL / SIG_IGN, default_int_handler,
# signal() returning the handler it replaces, getsignal(), and the errors of a wrong call.
import signal
from signal import SIGINT, SIGTERM, Signals


def on_term(signum, frame):
    print("never called: no signal comes")


print(SIGINT, repr(SIGINT), repr(SIGTERM), int(SIGTERM), SIGINT == 2, isinstance(SIGINT, int))
print(signal.SIGHUP, signal.SIGKILL, signal.SIGUSR1, signal.SIGALRM, signal.SIGCHLD, repr(signal.SIGIOT))
print(Signals, type(SIGINT), Signals(15), repr(Signals(15)), Signals["SIGQUIT"], SIGINT.name, SIGINT.value)
print(f"{SIGTERM}, {SIGTERM:d}, {SIGTERM!r}", "%s %d" % (SIGINT, SIGINT), Signals.SIGINT is SIGINT)
print(repr(signal.SIG_DFL), repr(signal.SIG_IGN), signal.SIG_DFL == 0, list(signal.Handlers), signal.NSIG)
print(signal.default_int_handler, signal.getsignal(SIGINT) is signal.default_int_handler)
print(repr(signal.getsignal(SIGTERM)), repr(signal.getsignal(signal.SIGPIPE)), signal.getsignal(32))

previous = signal.signal(SIGTERM, on_term)
print(repr(previous), signal.getsignal(SIGTERM) is on_term)
print(signal.signal(SIGTERM, signal.SIG_IGN) is on_term, repr(signal.signal(SIGTERM, 0)))
print(signal.signal(SIGINT, signal.SIG_IGN) is signal.default_int_handler)
print(repr(signal.signal(2, signal.default_int_handler)), signal.getsignal(2) is signal.default_int_handler)

try:
    signal.default_int_handler(SIGINT, None)
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", repr(e))

for call in [lambda: signal.signal(signal.SIGKILL, on_term), lambda: signal.signal(99, on_term),
             lambda: signal.signal(SIGINT, 5), lambda: signal.signal("x", on_term),
             lambda: signal.getsignal(0), lambda: Signals(99), lambda: signal.SIGFOO]:
    try:
        call()
    except (OSError, ValueError, TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
print(len(Signals), [s.name for s in Signals][:6])
