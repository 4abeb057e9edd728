# tuples: immutability, methods, comparison, packing/unpacking, as dict keys, nested
point = (3, 4)
x, y = point
print(point, x, y, point[0], len(point), point + (5,), point * 2)
print(point.count(3), (1, 2, 1).count(1), (1, 2, 3).index(3), (1, 2) < (1, 3), (2,) > (1, 9))
try:
    point[0] = 10
except TypeError as e:
    print("TypeError:", e)
def min_max(nums):
    return min(nums), max(nums)
lo, hi = min_max([4, 1, 9])
print(lo, hi, min_max([2]))
packed = 1, "two", 3.0
print(packed, type(packed).__name__)
nested = ((1, 2), (3, (4, 5)))
(a, b), (c, (d, e)) = nested
print(a, b, c, d, e)
t = ([1, 2], "s")
t[0].append(3)
print(t)
try:
    hash(t)
except TypeError as e:
    print("TypeError:", e)
print(tuple(sorted((3, 1, 2))), tuple(reversed((1, 2))), (1,) + (), () == tuple())
try:
    a, b = (1, 2, 3)
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = (1, 2)
except ValueError as e:
    print("ValueError:", e)
