# datetime's errors as CPython raises them: bad fields, overflow, mixing types, naive and aware.
import datetime
from datetime import date, timedelta, timezone

checks = [
    lambda: date(2026, 13, 1),
    lambda: date(2026, 2, 29),
    lambda: date(0, 1, 1),
    lambda: date(2026.0, 1, 1),
    lambda: date("2026", 1, 1),
    lambda: datetime.datetime(2026, 1, 1, 24),
    lambda: datetime.datetime(2026, 1, 1, 0, 60),
    lambda: datetime.datetime(2026, 1, 1, 0, 0, 60),
    lambda: datetime.datetime(2026, 1, 1, 0, 0, 0, 10**6),
    lambda: datetime.time(25),
    lambda: timedelta(days=10**9),
    lambda: timedelta(days="1"),
    lambda: timedelta(1) / 0,
    lambda: timedelta(1) // 0,
    lambda: timedelta(1) / timedelta(0),
    lambda: date(2026, 1, 1) < datetime.datetime(2026, 1, 1),
    lambda: datetime.datetime(2026, 1, 1) < date(2026, 1, 1),
    lambda: date(2026, 1, 1) + 1,
    lambda: date(2026, 1, 1) - 1,
    lambda: 1 - timedelta(1),
    lambda: datetime.datetime(2026, 1, 1) + datetime.datetime(2026, 1, 1),
    lambda: datetime.datetime(2026, 1, 1) - date(2026, 1, 1),
    lambda: datetime.datetime(2026, 1, 1) - datetime.datetime(2026, 1, 1, tzinfo=timezone.utc),
    lambda: datetime.datetime(2026, 1, 1) < datetime.datetime(2026, 1, 1, tzinfo=timezone.utc),
    lambda: date.max + timedelta(1),
    lambda: datetime.datetime.min - timedelta(1),
    lambda: timezone(timedelta(hours=24)),
    lambda: timezone(5),
    lambda: date(2026, 1, 1).replace(month=13),
    lambda: date(2026, 1, 1).replace(hour=1),
    lambda: date(2026, 1, 1).foo,
    lambda: setattr(date(2026, 1, 1), "year", 3),
    lambda: datetime.datetime(2026, 1, 1, tzinfo=5),
    lambda: format(timedelta(1), "x"),
    lambda: datetime.datetime(2026, 1, 1).isoformat(timespec="days"),
]
for check in checks:
    try:
        print("no error:", check())
    except (ValueError, TypeError, OverflowError, ZeroDivisionError, AttributeError) as e:
        print(type(e).__name__ + ":", e)

print(date(2026, 1, 1) == datetime.datetime(2026, 1, 1), date(2026, 1, 1) != "2026-01-01")
date(2026, 2, 30)
