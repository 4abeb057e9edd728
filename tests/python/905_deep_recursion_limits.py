# recursion near the limit: catching RecursionError, then recursing again successfully
import sys

def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n

reached = depth(0)
print("reached a depth above 500:", reached > 500)
print("below the limit:", reached < sys.getrecursionlimit())

def sum_to(n):
    return 0 if n == 0 else n + sum_to(n - 1)

print(sum_to(300))
calls = 0
def runaway():
    global calls
    calls += 1
    runaway()

try:
    runaway()
except RecursionError as e:
    print(type(e).__name__, calls > 500)
print(sum_to(300))
