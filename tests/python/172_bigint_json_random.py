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
