# random's other distributions (betavariate, gammavariate in its three regimes,
# lognormvariate, vonmisesvariate, paretovariate, weibullvariate) and randbytes give
# CPython's numbers for a seed, on the module and on a Random instance; their errors;
# SystemRandom draws without moving the seeded sequence.
import random

random.seed(1)
print(random.betavariate(2, 3))
print(random.gammavariate(2, 1))
print(random.lognormvariate(0, 1))
print(random.vonmisesvariate(1, 2))
print(random.paretovariate(3))
print(random.weibullvariate(1, 2))
print(random.randbytes(4).hex())
print(random.SystemRandom().random() < 1)
print(random.random())

random.seed(42)
print([round(random.gammavariate(0.5, 2), 12) for _ in range(3)])
print([round(random.gammavariate(1.0, 3), 12) for _ in range(3)])
print([round(random.gammavariate(7.5, 0.5), 12) for _ in range(3)])
print([round(random.betavariate(0.3, 0.4), 12) for _ in range(3)])
print([round(random.vonmisesvariate(3.0, 0.0), 12) for _ in range(2)])
print([round(random.vonmisesvariate(-2.0, 50), 12) for _ in range(3)])
print(random.randbytes(0), random.randbytes(9), len(random.randbytes(33)))

r = random.Random("seed")
print(r.betavariate(1.5, 2.5), r.paretovariate(1), r.weibullvariate(2.0, 0.5), r.randbytes(3))
print(r.lognormvariate(1, 0.25), r.gammavariate(alpha=3, beta=2))

for call in (lambda: random.gammavariate(0, 1), lambda: random.betavariate(1, -1),
             lambda: random.paretovariate(0), lambda: random.weibullvariate(1, 0),
             lambda: random.randbytes(-1)):
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
