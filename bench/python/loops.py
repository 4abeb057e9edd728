# CPU-bound loops: nested for/while over ints, arithmetic and comparisons, no calls.
def work(n):
    total = 0
    for i in range(n):
        j = i
        while j > 0:
            total += j % 7
            j //= 3
        if total > 1_000_000:
            total -= 1_000_000
    return total


print("loops", work(200_000))
