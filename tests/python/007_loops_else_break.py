# for/else, while/else, break, continue, nested loops
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
for x in []:
    print("never")
else:
    print("empty for: else runs")
i = 0
while i < 10:
    i += 1
    if i % 2 == 0:
        continue
    if i > 7:
        break
    print("odd", i)
else:
    print("not printed: loop was broken")
j = 0
while j < 3:
    j += 1
else:
    print("while ended normally, j =", j)
for row in range(3):
    for col in range(3):
        if col > row:
            break
        print(f"({row},{col})", end=" ")
    print()
for ch in "hello":
    if ch == "l":
        continue
    print(ch, end="")
print()
total = 0
for k in range(100):
    total += k
    if total > 50:
        print("stopped at", k, "total", total)
        break
