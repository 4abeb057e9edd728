# decorators: plain, with arguments, stacked (application order), on methods
def shout(fn):
    def wrapper(*args, **kwargs):
        print(f"calling {fn.__name__}{args}")
        result = fn(*args, **kwargs)
        print(f"{fn.__name__} returned {result!r}")
        return result
    return wrapper

@shout
def add(a, b):
    return a + b

add(2, 3)
print("wrapper name:", add.__name__)

def repeat(times):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return deco

@repeat(3)
def hello(name):
    return "hi " + name

print(hello("Ada"))

def tag(label):
    def deco(fn):
        print("decorating", fn.__name__, "with", label)
        def wrapper():
            return f"<{label}>{fn()}</{label}>"
        return wrapper
    return deco

@tag("b")
@tag("i")
def text():
    return "word"

print(text())
calls = []
def register(fn):
    calls.append(fn.__name__)
    return fn
@register
def one():
    return 1
@register
def two():
    return 2
print(calls, one() + two())
class Greeter:
    def __repr__(self):
        return "Greeter()"

    @shout
    def greet(self, who):
        return "hello " + who
Greeter().greet("Alan")
