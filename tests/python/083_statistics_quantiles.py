# statistics.quantiles: quartiles, deciles and percentiles, both methods, and its errors.
import statistics

data = [105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91]
print(statistics.quantiles(data))
print(statistics.quantiles(data, n=10))
print(statistics.quantiles(data, n=4, method="inclusive"))
print([round(q, 1) for q in statistics.quantiles(range(1, 101), n=100)][:5])
print(statistics.quantiles([1.5, 2.25, 0.1], n=3), statistics.quantiles([1, 2], n=5, method="inclusive"))
print(statistics.quantiles([3, 1, 2], n=1), statistics.quantiles([0.1, 0.7, 0.2, 0.3], n=6))
for bad in ({"n": 0}, {"method": "median"}):
    try:
        statistics.quantiles(data, **bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    statistics.quantiles([1])
except statistics.StatisticsError as e:
    print("StatisticsError:", e)
