# datetime.timedelta: keyword units and normalisation, str and repr, arithmetic, total_seconds,
# comparisons and hashing (the engine's own Python, datetime.py).
import datetime
from datetime import timedelta

print(timedelta(days=1, hours=2, minutes=3, seconds=4, milliseconds=5, microseconds=6))
print(repr(timedelta(weeks=1, hours=-1)), repr(timedelta(0)), repr(timedelta()))
print(timedelta(seconds=1.5), repr(timedelta(seconds=1.5)))
print(timedelta(seconds=-1), "|", timedelta(days=-1, seconds=5), "|", timedelta(days=2, microseconds=5))
print(timedelta(hours=36), timedelta(minutes=90), timedelta(seconds=86400 * 3 + 5))
print(repr(timedelta(hours=1.5)), repr(timedelta(minutes=-0.25)), repr(timedelta(days=-0.5)))
print(repr(timedelta(seconds=1.0000005)), repr(timedelta(milliseconds=1.5, microseconds=0.5)))
print(repr(timedelta(microseconds=-1)), repr(-timedelta(seconds=1, microseconds=5)))
d = timedelta(hours=1, minutes=30)
print(d.days, d.seconds, d.microseconds, d.total_seconds(), timedelta(days=2).total_seconds())
print(timedelta(microseconds=1).total_seconds(), timedelta(weeks=52).total_seconds())
print(d + timedelta(minutes=45), d - timedelta(hours=2), -d, +d, abs(-d))
print(d * 2, 3 * d, d * 0.5, d / 4, d / timedelta(minutes=10), d // timedelta(minutes=40))
print(d % timedelta(minutes=40), d // 7, timedelta(hours=1) / 7)
print(d > timedelta(hours=1), d == timedelta(minutes=90), d != timedelta(minutes=90), d <= timedelta(0))
print(max(timedelta(1), timedelta(hours=30)), min(timedelta(1), timedelta(hours=30)))
print(sorted([timedelta(hours=2), timedelta(minutes=5), timedelta(seconds=-1)]))
print(bool(timedelta(0)), bool(timedelta(microseconds=1)))
print(hash(timedelta(seconds=5)) == hash(timedelta(0, 5)), len({timedelta(hours=1), timedelta(minutes=60)}))
durations = {"fast": timedelta(milliseconds=250), "slow": timedelta(seconds=2)}
print(sum(durations.values(), timedelta()), f"{durations['fast']}", "took " + str(durations["slow"]))
print(timedelta.max, "|", timedelta.min, "|", timedelta.resolution)
print(repr(timedelta.max), type(d).__name__, isinstance(d, timedelta), datetime.timedelta is timedelta)
