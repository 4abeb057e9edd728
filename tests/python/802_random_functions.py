# seeded random helpers: uniform, randint, randrange with step, choice, choices, shuffle, sample, getrandbits
import random

random.seed(42)
print(random.uniform(1, 10), random.uniform(-1, 1))
print([random.randint(1, 6) for _ in range(10)])
print([random.randrange(10) for _ in range(5)], [random.randrange(0, 100, 5) for _ in range(5)])
print([random.randrange(10, 0, -3) for _ in range(4)])
colors = ["red", "green", "blue", "yellow"]
print([random.choice(colors) for _ in range(5)], random.choice("abc"))
print(random.choices(colors, k=5))
print(random.choices(colors, weights=[10, 1, 1, 1], k=6))
print(random.choices(range(3), cum_weights=[1, 2, 10], k=4))
deck = list(range(10))
random.shuffle(deck)
print(deck)
print(random.sample(range(100), 5), random.sample(colors, 2))
print([random.getrandbits(k) for k in (1, 4, 8, 16, 32)])
random.seed(2024)
print(random.randint(0, 2 ** 40), random.getrandbits(48), random.getrandbits(63))
try:
    random.choice([])
except IndexError as e:
    print("IndexError:", e)
try:
    random.sample([1, 2], 3)
except ValueError as e:
    print("ValueError:", e)
try:
    random.randint(5, 1)
except ValueError as e:
    print("ValueError:", e)
