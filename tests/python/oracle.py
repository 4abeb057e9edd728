#!/usr/bin/env python3
"""Generate (or --check) the expected output of the Python corpus, with CPython as the oracle.

    python3 tests/python/oracle.py [--check] [FILES...]

For each program NNN_topic.py (all of tests/python/*.py but this script when no FILES are
given) the program is copied to a fresh temporary directory as `main.py` and run there as
`python3 main.py` (cwd = that directory) with PYTHONPATH=<abs tests/python/standins> and a
copy of the engine's embedded client libraries (src/python/modules/py/*.py but those named
after a standard module, such as collections.py: CPython runs its own), PYTHONHASHSEED=0,
PYTHONDONTWRITEBYTECODE=1 and a 60 s timeout. Written next to the program:
  NNN_topic.out     stdout, verbatim (always written, even when empty)
  NNN_topic.err     stderr after normalisation, only when non-empty
  NNN_topic.status  the exit status followed by a newline, only when it is not 0 (128 + N for a
                    program killed by signal N, as a shell shows it: 130 after an uncaught
                    KeyboardInterrupt)
A stale .err/.status is removed.

Normalisation of stderr (so that our engine, which has no files on disk but main.py, can match):
  1. the temporary directory's absolute path followed by "/" is removed everywhere, so the
     program reads `main.py` (`File "main.py", line 3, in f`, `main.py:7: RuntimeWarning: ...`,
     `defined at main.py:4>`);
     likewise the standard library's directory, so a warning asyncio's own code raises reads
     `asyncio/events.py:80: RuntimeWarning: ...`;
  2. in tracebacks, every frame whose file is not main.py is dropped: its `  File "..."` line
     and the lines under it indented deeper that belong to it (the source line and any caret
     line); this works inside exception-group boxes too (margins made of ` `, `|` and `+`);
  3. lines made only of spaces, `^` and `~` (3.11's error markers; in a group box, after its
     ` |` margin) are dropped everywhere;
  everything else is kept verbatim.

Programs run 2 at a time (ORACLE_JOBS=n to change; mostly they sleep, but timing-sensitive
prints need a CPU when their timers fire).
The expected output is CPython 3.11's: under another version the script prints why and exits 3
(a caller such as the Rust test can treat that as "skipped").
--check runs the same programs into memory and exits 1 listing every file whose committed
content differs on three runs (the first two at a time, then up to two more alone: a loaded
machine can make a real-time timer late enough to reorder prints) (missing, different, or present but no longer produced); 0 when all agree.
"""
import concurrent.futures
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
STANDINS = os.path.join(HERE, "standins")
# The client libraries the engine embeds run under CPython unchanged; its own versions of
# standard modules (collections.py...) do not: CPython must use (and be checked by) its own.
CLIENTS = os.path.join(os.path.dirname(os.path.dirname(HERE)), "src", "python", "modules", "py")
CLIENT_FILES = sorted(n for n in os.listdir(CLIENTS)
                      if n.endswith(".py") and n[:-3] not in sys.stdlib_module_names)
TIMEOUT = 60
# --check runs a differing program this many more times, alone, before reporting it.
RETRIES = 2


FRAME = re.compile(r'^([ |+]*?)  File "([^"]*)", line ')


def is_marker_line(line):
    s = line.lstrip(" |")
    return line.startswith(" ") and s != "" and all(c in "^~" for c in s)


def normalise(err, tmpdir):
    err = err.replace(tmpdir + os.sep, "")
    # A warning raised in asyncio's own code names its file by the standard library's path
    # here; the engine names it from there (asyncio/events.py).
    err = err.replace(os.path.dirname(os.__file__) + os.sep, "")
    out = []
    dropping = None  # the margin of the frame being dropped
    for line in err.split("\n"):
        m = FRAME.match(line)
        if m:
            dropping = None if m.group(2) == "main.py" else m.group(1)
            if dropping is not None:
                continue
        elif dropping is not None and line.startswith(dropping + "    "):
            continue
        else:
            dropping = None
        if is_marker_line(line):
            continue
        out.append(line)
    return "\n".join(out)


def run(path):
    """(stdout, normalised stderr, exit status) of one program."""
    tmpdir = os.path.realpath(tempfile.mkdtemp(prefix="oracle-"))
    try:
        shutil.copyfile(path, os.path.join(tmpdir, "main.py"))
        clients = os.path.join(tmpdir, "clients")
        os.mkdir(clients)
        for name in CLIENT_FILES:
            shutil.copyfile(os.path.join(CLIENTS, name), os.path.join(clients, name))
        env = dict(os.environ)
        env["PYTHONPATH"] = STANDINS + os.pathsep + clients
        env["PYTHONHASHSEED"] = "0"
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        for k in ("PYTHONWARNINGS", "PYTHONASYNCIODEBUG", "PYTHONDEVMODE", "PYTHONTRACEMALLOC"):
            env.pop(k, None)
        try:
            p = subprocess.run([sys.executable, "main.py"], cwd=tmpdir, env=env,
                               capture_output=True, timeout=TIMEOUT)
            # Killed by signal N (an uncaught KeyboardInterrupt is re-raised as SIGINT):
            # the status a shell shows, 128 + N.
            status = 128 - p.returncode if p.returncode < 0 else p.returncode
            out, err = p.stdout, p.stderr
        except subprocess.TimeoutExpired as e:
            out, err, status = e.stdout or b"", (e.stderr or b"") + b"\n[oracle: timed out]\n", 124
        return (out.decode("utf-8", "replace"),
                normalise(err.decode("utf-8", "replace"), tmpdir), status)
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)


def expected_files(path):
    """{file path: content or None (must not exist)} for one program."""
    out, err, status = run(path)
    base = path[:-3]
    return {base + ".out": out,
            base + ".err": err if err else None,
            base + ".status": f"{status}\n" if status != 0 else None}


def programs(args):
    if args:
        return [os.path.abspath(a) for a in args]
    names = sorted(n for n in os.listdir(HERE) if n.endswith(".py") and n[:3].isdigit())
    return [os.path.join(HERE, n) for n in names]


def read(path):
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def main(argv):
    if sys.version_info[:2] != (3, 11):
        print(f"oracle.py needs CPython 3.11 (this is {sys.version.split()[0]})", file=sys.stderr)
        return 3
    check = "--check" in argv
    files = programs([a for a in argv if a != "--check"])
    differ = []
    jobs = int(os.environ.get("ORACLE_JOBS", "2"))
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(expected_files, files))
    for prog, result in zip(files, results):
        if check and any(read(path) != content for path, content in result.items()):
            # On a busy machine a real-time timer may fire late enough to reorder two prints:
            # a program counts as changed only if it differs on every one of three runs.
            for _ in range(RETRIES):
                rerun = expected_files(prog)
                if all(read(path) == content for path, content in rerun.items()):
                    result = rerun
                    break
        for path, content in result.items():
            if check:
                if read(path) != content:
                    differ.append(os.path.relpath(path))
            elif content is None:
                if os.path.exists(path):
                    os.remove(path)
            else:
                with open(path, "w", encoding="utf-8", newline="") as f:
                    f.write(content)
        if not check:
            print("generated", os.path.relpath(prog), flush=True)
    if check:
        for path in differ:
            print("differs:", path)
        print(f"{len(files)} programs checked, {len(differ)} files differ")
        return 1 if differ else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
