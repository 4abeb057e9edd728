# SyntaxWarning for 'is' with a literal, printed as CPython 3.11's compiler prints them: once per comparison, twice for a while test and a finally body
x = 1
if x is 1:
    print("one")
print(x is not "a", x is None, x is (1, 2), x is -1, x is ())
x = 3
while x is 1:
    pass
assert x is not 1 or True
y = [i for i in range(3) if i is 1]
z = 1 is x is 2
print(x is (1, None), x is (1, [2]), x is -1.5, x is ..., x is b"a", x is f"a", x is not ())
x = 2
try:
    pass
finally:
    print(x is 1)
for i in []:
    pass
else:
    y = x is 2
