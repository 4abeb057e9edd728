# Arguments of random's functions whose conversion draws from the same generator (an
# __index__, a __len__/__getitem__ sequence): the generator is not borrowed while they run.
import random
class Index:
    def __init__(self, rng, n):
        self.rng, self.n = rng, n
    def __index__(self):
        self.rng.random()
        return self.n
class Seq:
    def __init__(self, rng):
        self.rng = rng
    def __len__(self):
        self.rng.random()
        return 3
    def __getitem__(self, i):
        self.rng.random()
        if i >= 3:
            raise IndexError(i)
        return i * 10
random.seed(2)
print(random.randint(Index(random, 3), 9), random.randrange(Index(random, 5)))
print(random.getrandbits(Index(random, 8)) < 256)
print(random.choice(Seq(random)) in (0, 10, 20))
print(all(x in (0, 10, 20) for x in random.choices(Seq(random), k=Index(random, 4))))
print(random.uniform(0, 1) < 1)
r = random.Random(7)
print(r.randint(Index(r, 1), 6) in range(1, 7), r.randrange(0, Index(r, 10), 2) % 2)
print(r.choice(Seq(r)) in (0, 10, 20), r.getrandbits(Index(r, 4)) < 16)
