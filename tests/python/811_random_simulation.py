# a seeded dice simulation with counts in a dict, and a random walk; reproducible under seed(123)
import random

random.seed(123)
counts = {}
for _ in range(600):
    roll = random.randint(1, 6) + random.randint(1, 6)
    counts[roll] = counts.get(roll, 0) + 1
for total in sorted(counts):
    print(f"{total:>2} {'#' * (counts[total] // 5)} {counts[total]}")
pos = 0
path = []
for _ in range(20):
    pos += random.choice((-1, 1))
    path.append(pos)
print(path, min(path), max(path))
print(random.random())
