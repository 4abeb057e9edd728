# equality and hashing: 1 == 1.0 == True share one dict key; tuples as keys; unhashable keys
d = {}
d[1] = "int"
d[1.0] = "float"
d[True] = "bool"
print(d, len(d))
d2 = {True: "a", 1: "b", 1.0: "c"}
print(d2)
d3 = {0: "zero", False: "false", 0.0: "zero float", "0": "string"}
print(d3)
print(1 == 1.0 == True, 0 == False == 0.0, "1" == 1, None == False, [] == [], [] == ())
grid = {(0, 0): "origin", (1, 2): "point"}
print(grid[(1, 2)], grid[1, 2], (0, 0) in grid)
try:
    {[1, 2]: "list key"}
except TypeError as e:
    print("TypeError:", e)
try:
    {{}: 1}
except TypeError as e:
    print("TypeError:", e)
print({1, 1.0, True}, len({0, False, 0.0, "0"}))
print(hash("abc") == hash("ab" + "c"), hash(2 ** 10) == hash(1024.0))
print((1, 2) == (1, 2), [1, [2]] == [1, [2]], {"a": 1, "b": 2} == {"b": 2, "a": 1})
