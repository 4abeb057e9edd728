# Pure-Python CPU work: recursive fib(25), 242,785 calls, 25 frames deep at most.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print("fib(25) =", fib(25))
