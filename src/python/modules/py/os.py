"""`os`, what a program in a web page can have: an empty `environ` (there are no environment
variables: `getenv` answers its default), a fixed `getpid()`, `cpu_count()`, `urandom`, the path
strings and `os.path`. Everything that would touch files raises OSError: the page has no filesystem."""

import posixpath as path
import random as _random

name = "posix"
sep = "/"
altsep = None
extsep = "."
pathsep = ":"
linesep = "\n"
curdir = "."
pardir = ".."
devnull = "/dev/null"
environ = {}
error = OSError
_urandom = _random.Random()


def getenv(key, default=None):
    return environ.get(key, default)


def getpid():
    return 4242


def cpu_count():
    return 4


def urandom(size):
    """Random bytes from a generator of their own: drawing them leaves `random`'s sequence
    as a seeded program expects it, as the operating system's source does."""
    if size < 0:
        raise ValueError("negative argument not allowed")
    return bytes(_urandom.getrandbits(8) for _ in range(size))


def _no_files(name):
    raise OSError(f"os.{name}() is not available: Interleave runs the program in a web page, which has no filesystem")


def getcwd(*args, **kwargs):
    _no_files("getcwd")


def chdir(*args, **kwargs):
    _no_files("chdir")


def listdir(*args, **kwargs):
    _no_files("listdir")


def scandir(*args, **kwargs):
    _no_files("scandir")


def walk(*args, **kwargs):
    _no_files("walk")


def stat(*args, **kwargs):
    _no_files("stat")


def mkdir(*args, **kwargs):
    _no_files("mkdir")


def makedirs(*args, **kwargs):
    _no_files("makedirs")


def remove(*args, **kwargs):
    _no_files("remove")


def unlink(*args, **kwargs):
    _no_files("unlink")


def rmdir(*args, **kwargs):
    _no_files("rmdir")


def removedirs(*args, **kwargs):
    _no_files("removedirs")


def rename(*args, **kwargs):
    _no_files("rename")


def replace(*args, **kwargs):
    _no_files("replace")


def system(*args, **kwargs):
    _no_files("system")
