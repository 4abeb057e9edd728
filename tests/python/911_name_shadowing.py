# shadowing built-ins with variables, then deleting the shadow to get the built-in back
list = [1, 2, 3]
print(list)
try:
    list("abc")
except TypeError as e:
    print("TypeError:", e)
del list
print(list("abc"))
def max(*args):
    return "my max"
print(max(1, 2))
del max
print(max(1, 2))
sum = 0
for i in range(5):
    sum += i
print(sum)
del sum
print(sum([1, 2]))
def f():
    len = lambda x: -1
    return len("abc")
print(f(), len("abc"))
