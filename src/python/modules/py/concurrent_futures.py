"""`concurrent.futures`: its two executors, `Future`, `wait` and `as_completed`.

`loop.run_in_executor(pool, f, *args)` hands each call to the page's one pool of Web Workers
(at most min(32, cores + 4) at once), where it runs in a copy of the program: as in a process
pool, so a ThreadPoolExecutor's calls do not share the program's objects either. With
`max_workers=N`, at most N of an executor's calls run at once (the engine reads `_max_workers`);
the others wait in line for one to end.

`submit` and `map`, called from the program's own code, run each call at once, in the program's
one thread, and answer a finished `Future` (a note beside the output says so once): the results
and exceptions are CPython's, but the calls run one after another, not side by side.
"""

import _stdlib
from collections import namedtuple as _namedtuple

FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"

_PENDING = "pending"
_RUNNING = "running"
_CANCELLED = "cancelled"
_FINISHED = "finished"

_said = False


def _say():
    global _said
    if not _said:
        _said = True
        _stdlib.note(
            "An executor's submit() and map() run each call at once, in the program's one thread, "
            "before answering its Future (CPython runs the calls side by side in the pool's threads): "
            "results and exceptions are the same, but the calls' prints and sleeps come one call after another"
        )


class Error(Exception):
    pass


class CancelledError(Error):
    pass


TimeoutError = TimeoutError


class InvalidStateError(Error):
    pass


class BrokenExecutor(RuntimeError):
    pass


def _forever(what):
    return RuntimeError(
        f"{what} would wait forever: no other thread here can finish it "
        "(the program has one thread; submit() runs each call at once)"
    )


class Future:
    def __init__(self):
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._callbacks = []

    def __repr__(self):
        head = f"<Future at {id(self):#x} state={self._state}"
        if self._state == _FINISHED:
            if self._exception is not None:
                return f"{head} raised {type(self._exception).__name__}>"
            return f"{head} returned {type(self._result).__name__}>"
        return head + ">"

    def cancel(self):
        if self._state in (_RUNNING, _FINISHED):
            return False
        if self._state != _CANCELLED:
            self._state = _CANCELLED
            self._call_back()
        return True

    def cancelled(self):
        return self._state == _CANCELLED

    def running(self):
        return self._state == _RUNNING

    def done(self):
        return self._state in (_CANCELLED, _FINISHED)

    def _outcome(self, what, timeout):
        if self._state == _CANCELLED:
            raise CancelledError()
        if self._state != _FINISHED:
            if timeout is not None:
                raise TimeoutError()
            raise _forever(f"{what} of a Future that is not done")

    def result(self, timeout=None):
        self._outcome("result()", timeout)
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self, timeout=None):
        self._outcome("exception()", timeout)
        return self._exception

    def add_done_callback(self, fn):
        if not self.done():
            self._callbacks.append(fn)
            return
        self._run_callback(fn)

    def _run_callback(self, fn):
        try:
            fn(self)
        except Exception as e:
            import logging

            logging.getLogger("concurrent.futures").exception("exception calling callback for %r", self)

    def _call_back(self):
        callbacks, self._callbacks = self._callbacks, []
        for fn in callbacks:
            self._run_callback(fn)

    def set_running_or_notify_cancel(self):
        if self._state == _CANCELLED:
            return False
        if self._state == _PENDING:
            self._state = _RUNNING
            return True
        raise RuntimeError(f"Future in unexpected state")

    def set_result(self, result):
        if self._state in (_CANCELLED, _FINISHED):
            raise InvalidStateError(f"{self._state.upper()}: {self!r}")
        self._result = result
        self._state = _FINISHED
        self._call_back()

    def set_exception(self, exception):
        if self._state in (_CANCELLED, _FINISHED):
            raise InvalidStateError(f"{self._state.upper()}: {self!r}")
        self._exception = exception
        self._state = _FINISHED
        self._call_back()


class Executor:
    _interleave_pool = True

    def __init__(self, max_workers=None, *args, **kwargs):
        if max_workers is not None and max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        self._max_workers = max_workers
        self._shutdown = False

    def submit(self, fn, /, *args, **kwargs):
        if self._shutdown:
            raise RuntimeError("cannot schedule new futures after shutdown")
        _say()
        f = Future()
        f.set_running_or_notify_cancel()
        try:
            result = fn(*args, **kwargs)
        except BaseException as e:
            f.set_exception(e)
        else:
            f.set_result(result)
        return f

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")
        fs = [self.submit(fn, *args) for args in zip(*iterables)]

        def result_iterator():
            fs.reverse()
            while fs:
                yield fs.pop().result()

        return result_iterator()

    def shutdown(self, wait=True, *, cancel_futures=False):
        self._shutdown = True
        # Its threads end (`threading.active_count()`); the engine keeps them here.
        if hasattr(self, "_interleave_workers"):
            del self._interleave_workers

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.shutdown()
        return False


class ProcessPoolExecutor(Executor):
    pass


class ThreadPoolExecutor(Executor):
    # Executors made without a prefix, counted as CPython names their threads
    # (`ThreadPoolExecutor-0_0`).
    _made = 0

    def __init__(self, max_workers=None, thread_name_prefix="", *args, **kwargs):
        Executor.__init__(self, max_workers)
        if not thread_name_prefix:
            thread_name_prefix = "ThreadPoolExecutor-%d" % ThreadPoolExecutor._made
            ThreadPoolExecutor._made += 1
        self._thread_name_prefix = thread_name_prefix


DoneAndNotDoneFutures = _namedtuple("DoneAndNotDoneFutures", "done not_done", module="concurrent.futures")


def _unique(fs):
    seen = []
    for f in fs:
        if not any(f is g for g in seen):
            seen.append(f)
    return seen


def as_completed(fs, timeout=None):
    fs = _unique(fs)
    pending = [f for f in fs if not f.done()]
    for f in fs:
        if f.done():
            yield f
    if pending:
        if timeout is not None:
            raise TimeoutError(f"{len(pending)} (of {len(fs)}) futures unfinished")
        raise _forever("as_completed() of a Future that is not done")


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    fs = _unique(fs)
    done = {f for f in fs if f.done()}
    not_done = {f for f in fs if not f.done()}
    if not_done and timeout is None:
        if return_when == ALL_COMPLETED or not done or (
            return_when == FIRST_EXCEPTION and not any(not f.cancelled() and f.exception() is not None for f in done)
        ):
            raise _forever("wait() for a Future that is not done")
    return DoneAndNotDoneFutures(done, not_done)
