# mutating containers while iterating: dict size changes raise, list changes skip items
d = {"a": 1, "b": 2}
try:
    for k in d:
        d[k + k] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
s = {1, 2, 3}
try:
    for v in s:
        s.add(v + 10)
except RuntimeError as e:
    print("RuntimeError:", e)
nums = [1, 2, 2, 3, 4, 4, 5]
for n in nums:
    if n % 2 == 0:
        nums.remove(n)
print("removing while iterating leaves:", nums)
nums = [1, 2, 2, 3, 4, 4, 5]
print("filtering a copy:", [n for n in nums if n % 2])
grow = [1]
for item in grow:
    if len(grow) < 5:
        grow.append(item + 1)
print("appending while iterating:", grow)
d = {"x": 1, "y": 2}
for k in list(d):
    d[k * 2] = d.pop(k)
print(d)
