# NotImplementedError, RuntimeError, TimeoutError, OSError/ConnectionError with errno-style args
class Shape:
    def area(self):
        raise NotImplementedError("subclasses must implement area()")

try:
    Shape().area()
except NotImplementedError as e:
    print(type(e).__name__, e, isinstance(e, RuntimeError))
try:
    raise RuntimeError("something went wrong")
except RuntimeError as e:
    print(repr(e))
try:
    raise TimeoutError("operation took too long")
except OSError as e:
    print("TimeoutError caught as OSError:", repr(e))
e = OSError(2, "No such file or directory")
print(repr(e), str(e), e.errno, e.strerror, e.args)
e = ConnectionRefusedError(111, "Connection refused")
print(type(e).__name__, str(e), e.errno, isinstance(e, ConnectionError))
e = ConnectionError("plain message")
print(str(e), e.errno, e.strerror)
try:
    raise ConnectionResetError("peer reset")
except ConnectionError as e:
    print("caught", type(e).__name__, e)
