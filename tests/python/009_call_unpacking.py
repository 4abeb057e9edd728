# call-site * and ** unpacking, and unpacking in literals
def f(a, b, c=0, *rest, **kw):
    return f"a={a} b={b} c={c} rest={rest} kw={kw}"

args = [1, 2, 3, 4]
opts = {"x": 1, "y": 2}
print(f(*args))
print(f(*args, **opts))
print(f(1, *[2], **{"c": 30}))
print(f(*"ab"))
print(f(*range(2), *(7, 8), z=0, **opts))
merged = {**opts, "y": 20, **{"z": 3}}
print(merged)
combined = [*args, *"xy", *(5,)]
print(combined)
print(*[1, 2, 3])
print(max(*[4, 9, 2]), min(*(3, 1, 2)))
pairs = [(1, "one"), (2, "two")]
for num, word in pairs:
    print(num, word)
print(dict(**{"a": 1}, b=2))
print(list(zip(*[(1, 2), (3, 4), (5, 6)])))
