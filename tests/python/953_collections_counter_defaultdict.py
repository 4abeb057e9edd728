# collections.Counter, defaultdict and OrderedDict: counting, grouping, order, reprs
from collections import Counter, OrderedDict, defaultdict

c = Counter("hello")
print(c, c["l"], c["zzz"], "zzz" in c, len(c))
print(Counter({"red": 4, "blue": 2}), Counter(cats=4, dogs=8), Counter(), Counter([]))
words = "the cat and the dog and the bird".split()
wc = Counter(words)
print(wc.most_common(2), wc.most_common()[-1], wc.total(), sorted(wc.elements())[:4])
wc.update(["cat", "cat"])
wc.update({"dog": 3})
wc.subtract(the=2)
wc["new"] += 1
print(wc)
del wc["missing"]
del wc["new"]
print(sorted(wc), list(wc.keys())[:2], sum(wc.values()), dict(wc) == wc)
a, b = Counter(a=3, b=1), Counter(a=1, b=2, c=0)
print(a + b, a - b, a | b, a & b, a == Counter(a=3, b=1, z=0), a != b)
s = Counter("aab")
s.subtract("abbb")
print(s, +s["b"], list(s.items()))
print(Counter("mississippi").most_common(3))
try:
    Counter.fromkeys("ab")
except NotImplementedError as e:
    print("NotImplementedError:", e)

dd = defaultdict(list)
for name, team in [("ann", "red"), ("bob", "blue"), ("cy", "red")]:
    dd[team].append(name)
print(dd, dd["red"], len(dd), "green" in dd)
print(dd["green"], len(dd), sorted(dd.items()))
counts = defaultdict(int)
for ch in "banana":
    counts[ch] += 1
print(counts, dict(counts), counts.get("z"), counts.default_factory)
nested = defaultdict(lambda: defaultdict(int))
nested["x"]["y"] += 2
print(nested["x"]["y"], dict(nested["x"]))
print(defaultdict(None, {"k": 1}), defaultdict(set).default_factory)
try:
    defaultdict()["nope"]
except KeyError as e:
    print("KeyError:", e)
try:
    defaultdict(5)
except TypeError as e:
    print("TypeError:", e)

od = OrderedDict()
od["b"] = 1
od["a"] = 2
od["c"] = 3
od.move_to_end("b")
print(od, list(od))
od.move_to_end("c", last=False)
print(od.popitem(), od.popitem(last=False), od)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {"b": 2, "a": 1})
print(OrderedDict(), dict(OrderedDict([("x", 1)])))
for k, v in OrderedDict(one=1, two=2).items():
    print(" ", k, v)
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError:", e)
