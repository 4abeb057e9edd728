"""`signal`, as a program on CPython's main thread (on Linux) sees it: the signal numbers
(`Signals`, an IntEnum, and each as a module constant), the handlers' constants (`Handlers`:
`SIG_DFL`, `SIG_IGN`), `default_int_handler`, and `signal()` / `getsignal()` keeping each
signal's handler. Nothing sends the page a signal (there is no Ctrl-C, no `kill`), so a handler
set here never runs, as under CPython when no signal comes.
"""

from enum import IntEnum as _IntEnum

from _stdlib import default_int_handler


class Signals(_IntEnum):
    SIGHUP = 1
    SIGINT = 2
    SIGQUIT = 3
    SIGILL = 4
    SIGTRAP = 5
    SIGABRT = 6
    SIGIOT = 6
    SIGBUS = 7
    SIGFPE = 8
    SIGKILL = 9
    SIGUSR1 = 10
    SIGSEGV = 11
    SIGUSR2 = 12
    SIGPIPE = 13
    SIGALRM = 14
    SIGTERM = 15
    SIGSTKFLT = 16
    SIGCHLD = 17
    SIGCLD = 17
    SIGCONT = 18
    SIGSTOP = 19
    SIGTSTP = 20
    SIGTTIN = 21
    SIGTTOU = 22
    SIGURG = 23
    SIGXCPU = 24
    SIGXFSZ = 25
    SIGVTALRM = 26
    SIGPROF = 27
    SIGWINCH = 28
    SIGIO = 29
    SIGPOLL = 29
    SIGPWR = 30
    SIGSYS = 31
    SIGRTMIN = 34
    SIGRTMAX = 64


class Handlers(_IntEnum):
    SIG_DFL = 0
    SIG_IGN = 1


SIG_DFL = Handlers.SIG_DFL
SIG_IGN = Handlers.SIG_IGN
NSIG = 65

# What each signal does at start: CPython installs `default_int_handler` for SIGINT and ignores
# SIGPIPE and SIGXFSZ; 32 and 33 belong to the C library (no handler to report).
_handlers = {n: SIG_DFL for n in range(1, NSIG) if n not in (32, 33)}
_handlers[2] = default_int_handler
_handlers[13] = _handlers[25] = SIG_IGN


def __getattr__(name):
    # Each signal as a constant of the module (`signal.SIGINT`), as CPython copies them there.
    member = Signals.__members__.get(name)
    if member is None:
        raise AttributeError("module 'signal' has no attribute '%s'" % name)
    return member


def _number(signalnum):
    if not isinstance(signalnum, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(signalnum).__name__)
    n = int(signalnum)
    if not 1 <= n < NSIG:
        raise ValueError("signal number out of range")
    return n


def signal(signalnum, handler):
    n = _number(signalnum)
    if isinstance(handler, int) and handler in (0, 1):
        handler = Handlers(handler)
    elif not callable(handler):
        raise TypeError("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object")
    # SIGKILL and SIGSTOP cannot be caught.
    if n in (9, 19) or n not in _handlers:
        raise OSError(22, "Invalid argument")
    old = _handlers[n]
    _handlers[n] = handler
    return old


def getsignal(signalnum):
    return _handlers.get(_number(signalnum))
