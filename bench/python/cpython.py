"""Times programs under CPython the way the benchmark times the engine: compile and run the
whole source in this process, stdout captured, `reps` times. Prints one JSON line per file:
{"file", "compile_ms": [...], "total_ms": [...], "cpu_ms": [...], "output"}: wall times of the
compile and of compile + run, the thread's CPU time for compile + run (steadier than wall time on
a loaded machine), and the first run's output.

    python3 bench/python/cpython.py REPS FILE.py...
"""

import asyncio  # noqa: F401  imported before timing: the engine's modules are built in
import contextlib
import dataclasses  # noqa: F401
import io
import json
import random  # noqa: F401
import sys
import time


def once(source):
    out = io.StringIO()
    c0 = time.thread_time()
    t0 = time.perf_counter()
    code = compile(source, "main.py", "exec")
    t1 = time.perf_counter()
    with contextlib.redirect_stdout(out):
        exec(code, {"__name__": "__main__"})
    t2 = time.perf_counter()
    c2 = time.thread_time()
    return (t1 - t0) * 1e3, (t2 - t0) * 1e3, (c2 - c0) * 1e3, out.getvalue()


def main():
    reps = int(sys.argv[1])
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            source = f.read()
        compile_ms, total_ms, cpu_ms, output = [], [], [], None
        for _ in range(reps):
            c, t, cpu, out = once(source)
            compile_ms.append(c)
            total_ms.append(t)
            cpu_ms.append(cpu)
            output = out if output is None else output
        row = {"file": path, "compile_ms": compile_ms, "total_ms": total_ms, "cpu_ms": cpu_ms, "output": output}
        print(json.dumps(row), flush=True)


main()
