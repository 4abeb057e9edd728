# random.seed(n) makes random() reproducible: seeds 0, 42, 2**40, negative, reseeding repeats
import random

for s in (0, 1, 42, 2 ** 40, -42, 2 ** 32 - 1, 2 ** 32):
    random.seed(s)
    print(s, [random.random() for _ in range(3)])
random.seed(7)
a = [random.random() for _ in range(5)]
random.seed(7)
b = [random.random() for _ in range(5)]
print(a == b)
random.seed(-7)
print(random.random() == a[0])
