# Each NaN a program makes is an object of its own: containers compare items by identity
# before ==, so one NaN equals itself inside a list, tuple, dict or set while two NaNs made
# apart (float('nan'), inf - inf, arithmetic on a NaN) never do; dict keys and set members
# that are NaNs are found by identity only. math.nan is one object.
import asyncio
import math

a = float("nan")
b = float("nan")
print([float("nan")] == [float("nan")], [a] == [a], [a] == [b], a is b, a is a)
print(a in [a], a in [b], b in [a, b], [a, b].count(a), (a,) == (b,), (a, 1) == (a, 1))

scores = {a: "first", b: "second"}
print(len(scores), scores[a], scores[b], float("nan") in scores)
try:
    scores[float("nan")]
except KeyError as e:
    print("KeyError", e)

seen = {a, b, a, float("nan")}
print(len(seen), a in seen, float("nan") in seen)

inf = float("inf")
c = inf - inf
print(c is c, [c] == [c], [inf - inf] == [inf - inf], [inf * 0] == [inf * 0])
print([a + 1] == [a + 1], (a * 2) is a, [-a] == [-a], [abs(a)] == [abs(a)])
print(math.nan is math.nan, [math.nan] == [math.nan], [math.nan] == [float("nan")])
print(a == a, a != a, {a: 1} == {a: 1}, {a: 1} == {b: 1}, {"k": a} == {"k": b})

readings = [1.5, a, 2.5]
print(readings.index(a), readings.count(b))
try:
    readings.index(b)
except ValueError as e:
    print("ValueError", e)
readings.remove(a)
print(readings)

same = a
print(same is a, [same] == [a], float(a) is a, math.isnan(math.sqrt(a)))
print([10**30 + a] == [10**30 + a], str(-a), f"{a:.2f}", repr(float("-nan")))


async def main():
    queue = asyncio.Queue()
    await queue.put(a)
    got = await queue.get()
    back = await asyncio.to_thread(lambda v: v, a)
    print(got is a, back is a, [got, back] == [a, a], [got] == [b])


asyncio.run(main())
