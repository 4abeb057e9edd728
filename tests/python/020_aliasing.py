# shared references: aliasing lists and dicts, copies, nested aliasing gotchas
a = [1, 2, 3]
b = a
b.append(4)
print(a, b, a is b)
c = a[:]
c.append(5)
print(a, c, a is c, a == c[:4])
grid = [[0] * 3] * 3
grid[0][0] = 1
print("shared rows:", grid)
grid = [[0] * 3 for _ in range(3)]
grid[0][0] = 1
print("separate rows:", grid)
d = {"items": []}
e = dict(d)
e["items"].append("shared!")
e["new"] = 1
print(d, e)
def mutate(lst):
    lst.append("mutated")
    lst = ["rebound"]
    return lst
orig = ["orig"]
ret = mutate(orig)
print(orig, ret)
x = y = []
x.append(1)
print(x, y)
t = ([1], 2)
t[0].append(99)
print(t)
matrix = [[1, 2], [3, 4]]
row = matrix[1]
matrix[1] = [7, 8]
print(row, matrix)
