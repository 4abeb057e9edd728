# Big ints through json and random (CPython's exact sequences).
import json
import random

data = {"big": 2 ** 70, "neg": -(3 ** 50), "list": [10 ** 20, 1, 2 ** 64 - 1]}
text = json.dumps(data)
print(text)
back = json.loads(text)
print(back, back == data, type(back["big"]).__name__)
print(json.loads("123456789012345678901234567890"), json.loads("[-99999999999999999999, 1e400]"))
print(json.dumps({2 ** 70: "key"}), json.dumps(2 ** 100, indent=2))
random.seed(12345)
print(random.getrandbits(65), random.getrandbits(100), random.getrandbits(128), random.getrandbits(64), random.getrandbits(200))
print([random.getrandbits(70) for _ in range(3)])
r = random.Random(7)
print(r.getrandbits(97), r.random())
random.seed(5)
print(random.randrange(2 ** 70), random.randint(-(2 ** 80), 2 ** 80), random.randrange(10 ** 20, 10 ** 21, 7), random.randrange(2 ** 64, 0, -3))
print(random.randint(0, 2 ** 64), random.randrange(2 ** 63), random.randrange(-(2 ** 65), 0))
r = random.Random(99)
print([r.randrange(3 ** 50) for _ in range(3)], r.randint(10 ** 30, 10 ** 30 + 5))
for bad in [lambda: random.randrange(2 ** 70, 2 ** 70), lambda: random.randrange(2 ** 70, 0, 0), lambda: random.randrange(-(2 ** 70))]:
    try:
        bad()
    except ValueError as e:
        print("ValueError", e)
random.seed(2 ** 100 + 12345)
print(random.random(), random.getrandbits(80))
random.seed(-(3 ** 90))
print(random.randrange(10 ** 25))
