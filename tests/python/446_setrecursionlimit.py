# sys.setrecursionlimit with CPython's checks: a lower limit raises RecursionError sooner, and
# bad values are refused with CPython's words (the page caps the limit at its own, which is
# at least 400, so this program prints the same there).
import sys
print(sys.getrecursionlimit() >= 100)
sys.setrecursionlimit(100)
print(sys.getrecursionlimit())

def down(n):
    return 0 if n == 0 else 1 + down(n - 1)

print(down(50))
try:
    down(200)
except RecursionError as e:
    print("RecursionError:", e)
for bad in (0, -5, "x", 2.5):
    try:
        sys.setrecursionlimit(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
sys.setrecursionlimit(400)
print(sys.getrecursionlimit(), down(300))
