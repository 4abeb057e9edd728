# assignment: tuple unpacking, starred, augmented, chained, subscripts, attributes, swap
a, b = 1, 2
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
first, *middle, last = [1, 2, 3, 4, 5]
print(first, middle, last)
*init, tail = "abc"
print(init, tail)
head, *rest = [9]
print(head, rest)
x = y = z = 0
x += 1
print(x, y, z)
grid = [[0, 0], [0, 0]]
grid[1][0] = 7
grid[0] += [9]
print(grid)
d = {}
d["k"] = d.get("k", 0) + 1
d["k"] += 10
print(d)
class Box:
    pass
box = Box()
box.value = 3
box.value *= 4
print(box.value)
for i, (p, q) in enumerate([(1, 2), (3, 4)]):
    print(i, p, q)
s = "hi"
s += " there"
s *= 2
print(s)
lst = [1, 2]
alias = lst
lst += [3]
print(alias, lst is alias)
t = (1, 2)
t2 = t
t += (3,)
print(t, t2, t is t2)
