# indexing and slicing: negative indices, steps, slice assignment, del slices, strings and tuples
nums = list(range(10))
print(nums[0], nums[-1], nums[-3])
print(nums[2:5], nums[:3], nums[7:], nums[-3:], nums[:-7])
print(nums[::2], nums[1::3], nums[::-1], nums[8:2:-2], nums[-1:-4:-1])
print(nums[5:2], nums[100:], nums[-100:2], nums[::-3])
s = "Interleave"
print(s[0], s[-1], s[:5], s[5:], s[::-1], s[1:8:3])
t = (1, 2, 3, 4)
print(t[1:3], t[::-1], t[:0])
a = [1, 2, 3, 4, 5]
a[1:3] = ["x", "y", "z"]
print(a)
a[:2] = []
print(a)
a[len(a):] = [6, 7]
print(a)
a[::2] = [0] * len(a[::2])
print(a)
del a[1:3]
print(a)
del a[::2]
print(a)
b = list(range(8))
del b[-2:]
print(b)
b[2:2] = [99, 98]
print(b)
copy = b[:]
copy.append("new")
print(len(b), len(copy))
try:
    a[::2] = [1, 2, 3, 4, 5]
except ValueError as e:
    print("ValueError:", e)
