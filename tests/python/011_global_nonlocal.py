# global and nonlocal declarations, shadowing
counter = 0
def bump():
    global counter
    counter += 1
def shadow():
    counter = 100
    return counter
bump()
bump()
print("counter", counter, "shadow", shadow(), "counter still", counter)
def outer():
    x = "outer"
    def inner():
        nonlocal x
        x = "changed by inner"
    def reader():
        return x
    print("before:", reader())
    inner()
    print("after:", reader())
outer()
def make_global():
    global created_later
    created_later = "I exist now"
make_global()
print(created_later)
def levels():
    a = 1
    def mid():
        a = 2
        def deep():
            nonlocal a
            a += 10
            return a
        print("deep returns", deep(), "mid a", a)
    mid()
    print("levels a", a)
levels()
