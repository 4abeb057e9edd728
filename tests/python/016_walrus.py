# assignment expressions (walrus) in if, while and comprehension conditions
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print(f"list is long ({n} elements)")
items = ["a", "b", "c"]
while (item := items.pop() if items else None) is not None:
    print("popped", item)
values = [y for x in range(6) if (y := x * x) % 2 == 0]
print(values)
print((total := 10) + 5, total)
def check(v):
    return v * 2
results = [r for v in data if (r := check(v)) > 8]
print(results)
chunks = iter(["ab", "cd", ""])
while (chunk := next(chunks)):
    print("chunk", chunk)
print("last", repr(chunk))
