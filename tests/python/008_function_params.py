# def: defaults, keyword-only, *args, **kwargs, annotations, mutable default gotcha
def greet(name, greeting="Hello", *, punct="!"):
    return f"{greeting}, {name}{punct}"

print(greet("Ada"))
print(greet("Alan", "Hi"))
print(greet("Grace", punct="?"))
print(greet(greeting="Yo", name="Linus"))

def total(*nums, scale=1):
    print("nums =", nums)
    return sum(nums) * scale

print(total(), total(1, 2, 3), total(1, 2, scale=10))

def report(title, **fields):
    print(title, fields)
    for key, value in fields.items():
        print(f"  {key} = {value}")

report("empty")
report("user", name="Ada", age=36)

def typed(x: int, y: float = 2.0) -> float:
    return x * y

print(typed(3), typed(3, 0.5))

def append_to(item, bucket=[]):
    bucket.append(item)
    return bucket

print(append_to(1), append_to(2))

def append_fixed(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket

print(append_fixed(1), append_fixed(2))

def everything(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)

print(everything(1, c=3))
print(everything(1, 5, 6, 7, c=8, e=9))
def nothing():
    pass
print(nothing())
