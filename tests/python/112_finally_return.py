# finally always runs: return in try vs finally, finally after break/continue, exceptions in finally
def f1():
    try:
        return "try"
    finally:
        print("  f1 finally")

def f2():
    try:
        return "try"
    finally:
        return "finally wins"

def f3():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed by return in finally"

def f4():
    x = 1
    try:
        return x
    finally:
        x = 2
        print("  f4 x changed to", x)

print(f1())
print(f2())
print(f3())
print(f4())
def f5():
    for i in range(5):
        try:
            if i == 3:
                return i
        finally:
            print("  f5 finally", i)
print(f5())
try:
    try:
        raise KeyError("original")
    finally:
        print("  cleanup")
except KeyError as e:
    print("propagated", repr(e))
try:
    try:
        raise KeyError("original")
    finally:
        raise RuntimeError("from finally")
except RuntimeError as e:
    print(repr(e), "context", repr(e.__context__))
