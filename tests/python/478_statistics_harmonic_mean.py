# statistics.harmonic_mean: ints, floats, weights, a zero, one value, and its errors.
import statistics

print(statistics.harmonic_mean([40, 60]))
print(statistics.harmonic_mean([2.5, 3, 10]))
print(statistics.harmonic_mean([1, 2, 4]))
print(statistics.harmonic_mean([40, 60], weights=[5, 30]))
print(statistics.harmonic_mean([0.1, 0.2, 0.7], weights=[1.5, 2, 0.25]))
print(statistics.harmonic_mean([3, 0, 7]), statistics.harmonic_mean([7]), statistics.harmonic_mean([2.5]))
print(statistics.harmonic_mean(x / 7 for x in range(1, 30)))
print(statistics.harmonic_mean([10**17 + 1, 3, 5]))
print(statistics.harmonic_mean([1, 2, 3], weights=[0, 0, 1]))
for args, kw in (([], {}), ([-1], {}), ([1, -2], {}), ([1, 2], {"weights": [1]}),
                 ([1, 2], {"weights": [1, -1]}), ([1, 2], {"weights": [0, 0]}), (["a"], {})):
    try:
        print(statistics.harmonic_mean(args, **kw))
    except (statistics.StatisticsError, TypeError) as e:
        print(type(e).__name__, e)
