"""`threading` for a program that has one thread: the page's, or, in a to_thread worker's copy
of the program, the executor thread CPython would run the call in (`asyncio_0`, `asyncio_1`…:
a call takes the thread idle longest, or a new one when none is idle).

No other thread shares the program's objects here, so a lock or event that would wait for one
(a blocking `acquire()` of a held lock, `wait()` of an event nobody set, without a timeout)
would wait forever: it raises instead. With a timeout it waits that long, as `time.sleep` does.
`Thread` cannot start a thread: `asyncio.to_thread(f, *args)` runs a function off the loop.
"""

import _stdlib
import time as _time

def _forever(what):
    return RuntimeError(
        f"{what} would wait forever: no other thread here can change it "
        "(the program has one thread; asyncio's locks and events are for tasks)"
    )


def _check_timeout(blocking, timeout):
    if not blocking and timeout != -1:
        raise ValueError("can't specify a timeout for a non-blocking call")
    if timeout < 0 and timeout != -1:
        raise ValueError("timeout value must be a non-negative number")


class Thread:
    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        if name:
            name = str(name)
        else:
            name = "Thread-%d" % _stdlib.thread_number()
            if target is not None and hasattr(target, "__name__"):
                name += f" ({target.__name__})"
        self._target = target
        self._args = args
        self._kwargs = {} if kwargs is None else kwargs
        self._name = name
        self._daemon = bool(daemon)
        self._ident = None
        self._started = False

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, value):
        self._name = str(value)

    @property
    def daemon(self):
        return self._daemon

    @daemon.setter
    def daemon(self, value):
        self._daemon = bool(value)

    @property
    def ident(self):
        return self._ident

    @property
    def native_id(self):
        return self._ident and _native_id(self._ident)

    def getName(self):
        return self._name

    def setName(self, name):
        self.name = name

    def isDaemon(self):
        return self._daemon

    def setDaemon(self, daemonic):
        self.daemon = daemonic

    def start(self):
        raise RuntimeError(
            "threading.Thread cannot start a thread here: the program runs in one thread. "
            "Run the function off the event loop with `await asyncio.to_thread(f, *args)` "
            "(it runs in a worker, with a copy of the program)"
        )

    def run(self):
        if self._target is not None:
            self._target(*self._args, **self._kwargs)

    def join(self, timeout=None):
        if not self._started:
            raise RuntimeError("cannot join thread before it is started")

    def is_alive(self):
        return self._started

    def __repr__(self):
        status = "initial"
        if self._started:
            status = "started"
        if self._daemon:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (type(self).__name__, self._name, status)


class _MainThread(Thread):
    pass


def _started(cls, name, ident):
    t = cls(name=name)
    t._ident = ident
    t._started = True
    return t


def _native_id(ident):
    # Linux's thread ids: the main thread's is the process id (os.getpid() is 4242 here), the
    # executor's threads come after it.
    return 4242 + (_stdlib.main_ident - ident) // 0x801000


_main = _started(_MainThread, "MainThread", _stdlib.main_ident)
_name, _ident, _alive = _stdlib.thread()
# In a worker's copy of the program, the executor's thread the call runs in.
_current = _main if _ident == _main.ident else _started(Thread, _name, _ident)


def current_thread():
    return _current


currentThread = current_thread


def main_thread():
    return _main


def get_ident():
    return _current.ident


def get_native_id():
    return _current.native_id


def active_count():
    return _stdlib.thread()[2]


activeCount = active_count


def enumerate():
    return [_main] if _current is _main else [_main, _current]


class local:
    """Attributes of one thread: the only one here."""


class Lock:
    def __init__(self):
        self._locked = False

    def acquire(self, blocking=True, timeout=-1):
        _check_timeout(blocking, timeout)
        if not self._locked:
            self._locked = True
            return True
        if not blocking:
            return False
        if timeout == -1:
            raise _forever("acquire() of a lock that is held")
        _time.sleep(timeout)
        return False

    acquire_lock = acquire

    def release(self):
        if not self._locked:
            raise RuntimeError("release unlocked lock")
        self._locked = False

    release_lock = release

    def locked(self):
        return self._locked

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()

    def __repr__(self):
        return "<%s _thread.lock object>" % ("locked" if self._locked else "unlocked")


class RLock:
    def __init__(self):
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        _check_timeout(blocking, timeout)
        # Its owner is the only thread: acquiring again only counts.
        self._count += 1
        return True

    def release(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1

    def locked(self):
        return self._count > 0

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()

    def __repr__(self):
        owner = get_ident() if self._count else 0
        state = "locked" if self._count else "unlocked"
        return "<%s _thread.RLock object owner=%d count=%d>" % (state, owner, self._count)


class Event:
    def __init__(self):
        self._flag = False

    def is_set(self):
        return self._flag

    isSet = is_set

    def set(self):
        self._flag = True

    def clear(self):
        self._flag = False

    def wait(self, timeout=None):
        if self._flag:
            return True
        if timeout is None:
            raise _forever("wait() for an event that is not set")
        _time.sleep(max(timeout, 0))
        return False

    def __repr__(self):
        return "<threading.Event [%s]>" % ("set" if self._flag else "unset")


class Semaphore:
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._value = value

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        if self._value > 0:
            self._value -= 1
            return True
        if not blocking:
            return False
        if timeout is None:
            raise _forever("acquire() of a semaphore at 0")
        _time.sleep(max(timeout, 0))
        return False

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        self._value += n

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        if self._value + n > self._initial_value:
            raise ValueError("Semaphore released too many times")
        self._value += n
