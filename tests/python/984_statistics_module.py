# statistics: mean, fmean, median (low, high), mode, multimode, variance, pvariance, stdev,
# pstdev on ints and floats (ints stay ints where CPython's exact result is whole), and
# StatisticsError.
import asyncio
import random
import statistics

print(statistics.mean([1, 2, 3, 4]), statistics.mean([1, 2, 3]), statistics.mean([0.1, 0.2, 0.3]))
print(statistics.mean([1, 2.5]), statistics.fmean([1, 2, 3]), statistics.fmean([0.1, 0.2, 0.3]))
print(statistics.fmean([1, 2, 3], weights=[1, 1, 2]))
print(statistics.median([3, 1, 2]), statistics.median([4, 1, 2, 3]), statistics.median([1, 3]))
print(statistics.median_low([1, 2, 3, 4]), statistics.median_high([1, 2, 3, 4]), statistics.median([2.5]))
print(statistics.mode([1, 2, 2, 3]), statistics.mode("aabbbc"), statistics.mode([3, 1, 1, 3]))
print(statistics.multimode("aabbc"), statistics.multimode([]), statistics.multimode([5]))
print(statistics.variance([1, 2, 3, 4, 5]), statistics.variance([1, 3, 5]), statistics.pvariance([1, 2, 3]))
print(statistics.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), statistics.pstdev([1, 2, 3, 4]))
print(statistics.variance([0.1, 0.2, 0.3, 0.4]), statistics.pvariance([2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]))
print(statistics.stdev([2, 4, 4, 4, 5, 5, 7, 9]), statistics.pstdev([2, 4, 4, 4, 5, 5, 7, 9]))
print(statistics.stdev([1.0, 1.0000001, 1.0000002]), statistics.variance(range(10)))

random.seed(7)
latencies = [round(random.uniform(0.05, 0.4), 3) for _ in range(50)]
print(statistics.mean(latencies), statistics.median(latencies), statistics.stdev(latencies))
print(statistics.pstdev(latencies), statistics.variance(latencies), statistics.fmean(latencies))
big = [random.gauss(1000, 50) for _ in range(200)]
print(statistics.mean(big), statistics.stdev(big), statistics.pvariance(big))

for f, data in [
    (statistics.mean, []),
    (statistics.fmean, []),
    (statistics.median, []),
    (statistics.mode, []),
    (statistics.variance, [1]),
    (statistics.stdev, [2.0]),
    (statistics.pvariance, []),
    (statistics.pstdev, []),
]:
    try:
        f(data)
    except statistics.StatisticsError as e:
        print(f.__name__, "->", e, isinstance(e, ValueError))


async def timed(i):
    await asyncio.sleep(0.1 * i)
    return i * 0.1


async def main():
    results = await asyncio.gather(*(timed(i) for i in range(1, 6)))
    print(statistics.mean(results), statistics.median(results), statistics.stdev(results))


asyncio.run(main())
try:
    statistics.mean(["1", "2"])
except TypeError as e:
    print(e)
