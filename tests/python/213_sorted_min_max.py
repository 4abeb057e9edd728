# sorted with key/reverse and stability, list.sort, min/max with key and default
words = ["banana", "Apple", "cherry", "apple", "fig", "Date"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda w: (len(w), w)))
people = [("Ada", 36), ("Alan", 41), ("Grace", 36), ("Linus", 41), ("Guido", 30)]
by_age = sorted(people, key=lambda p: p[1])
print(by_age)
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(sorted(people, key=lambda p: p[0]), key=lambda p: -p[1]))
nums = [5, -3, 2, -8, 7]
nums.sort(key=abs)
print(nums)
nums.sort(reverse=True)
print(nums)
print(min(nums), max(nums), min(nums, key=abs), max(words, key=len), max(words))
print(min([], default="empty"), max([], key=len, default=None), min(3, 1, 2), max("abc"))
print(min([(2, "b"), (1, "z"), (1, "a")]), max({"x": 3, "y": 9}, key=lambda k: {"x": 3, "y": 9}[k]))
print(sorted("hello"), sorted((3, 1, 2)), sorted({"b": 1, "a": 2}), sorted([1.5, 1, True, 0]))
try:
    min([])
except ValueError as e:
    print("ValueError:", e)
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
