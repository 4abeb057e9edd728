# exception contexts: errors raised in except and finally blocks chain onto the original
def step(log):
    try:
        raise KeyError("first")
    except KeyError:
        try:
            raise ValueError("second")
        finally:
            log.append("inner finally")

log = []
try:
    step(log)
except ValueError as e:
    print(repr(e), "<-", repr(e.__context__), log)

def cleanup_fails():
    try:
        return 1 / 0
    finally:
        print("cleanup")
        [].pop()

try:
    cleanup_fails()
except IndexError as e:
    print(repr(e), "<-", repr(e.__context__))
try:
    try:
        raise TypeError("t")
    except TypeError as inner:
        raise
except TypeError as outer:
    print("bare raise keeps identity:", outer.args, outer.__context__)
