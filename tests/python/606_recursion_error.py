# unbounded recursion raises RecursionError (a RuntimeError); the program continues afterwards
def forever(n):
    return forever(n + 1)

try:
    forever(0)
except RecursionError as e:
    print(type(e).__name__, "|", str(e).startswith("maximum recursion depth exceeded"))
    print(isinstance(e, RuntimeError))

def countdown(n):
    return 0 if n == 0 else 1 + countdown(n - 1)

print("moderate depth still fine:", countdown(400))

class Node:
    def __init__(self):
        self.child = self

    def depth(self):
        return 1 + self.child.depth()

try:
    Node().depth()
except RecursionError:
    print("method recursion also caught")
