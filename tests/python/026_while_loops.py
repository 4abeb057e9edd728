# while loops: collatz, digit sums, binary search, guessing with a fixed list
def collatz(n):
    steps = [n]
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps.append(n)
    return steps
print(collatz(6))
print(len(collatz(27)), max(collatz(27)))
n, digits = 987654321, 0
while n:
    digits += n % 10
    n //= 10
print("digit sum", digits)
data = list(range(0, 100, 3))
target = 42
lo, hi = 0, len(data) - 1
probes = 0
while lo <= hi:
    probes += 1
    mid = (lo + hi) // 2
    if data[mid] == target:
        print("found", target, "at", mid, "after", probes, "probes")
        break
    elif data[mid] < target:
        lo = mid + 1
    else:
        hi = mid - 1
else:
    print("not found")
guesses = iter([50, 25, 37, 43, 40, 41])
secret = 41
while True:
    g = next(guesses)
    if g == secret:
        print("got it:", g)
        break
    print(g, "too high" if g > secret else "too low")
