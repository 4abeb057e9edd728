"""`os.path` (`posixpath`): the string work on paths. The page has no filesystem: nothing
exists there."""

sep = "/"
curdir = "."
pardir = ".."
extsep = "."


def join(a, *p):
    path = a
    for b in p:
        if b.startswith("/"):
            path = b
        elif not path or path.endswith("/"):
            path += b
        else:
            path += "/" + b
    return path


def split(p):
    i = p.rfind("/") + 1
    head, tail = p[:i], p[i:]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head, tail


def basename(p):
    return p[p.rfind("/") + 1 :]


def dirname(p):
    return split(p)[0]


def splitext(p):
    dot = p.rfind(".")
    if dot > p.rfind("/"):
        i = p.rfind("/") + 1
        while i < dot:
            if p[i] != ".":
                return p[:dot], p[dot:]
            i += 1
    return p, ""


def isabs(p):
    return p.startswith("/")


def exists(p):
    return False


isfile = isdir = islink = lexists = exists


def expanduser(p):
    return p
