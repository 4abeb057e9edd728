"""`concurrent.futures`' two executors, for `loop.run_in_executor(pool, f, *args)`.

Both hand each call to the page's one pool of Web Workers (at most min(32, cores + 4) at once),
where it runs in a copy of the program: as in a process pool, so a ThreadPoolExecutor's calls do
not share the program's objects either. With `max_workers=N`, at most N of an executor's calls
run at once (the engine reads `_max_workers`); the others wait in line for one to end.
"""


class Executor:
    _interleave_pool = True

    def __init__(self, max_workers=None, *args, **kwargs):
        if max_workers is not None and max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        self._max_workers = max_workers
        self._shutdown = False

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
