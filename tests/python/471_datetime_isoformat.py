# datetime.fromisoformat, date.fromisoformat, time.fromisoformat, isocalendar, fromordinal and
# fromisocalendar, with CPython's messages for strings it refuses.
from datetime import date, datetime, time, timezone, timedelta

post = {"title": "Hello", "published": "2024-05-17T14:30:00"}
dt = datetime.fromisoformat(post["published"])
print(dt.strftime("%b %d, %Y"), dt.year)
print(date.fromisoformat("2024-05-17").isocalendar())
print(datetime(2024, 1, 1, tzinfo=timezone.utc).isoformat())

for s in ["2024-05-17T14:30:00.123+05:30", "2024-05-17 14:30:00Z", "20240517T143000",
          "2024-W20-5", "2024W205", "2024-W20", "2024-05-17", "2024-05-17T14", "2024-05-17T14:30:00,5",
          "2024-05-17T14:30:00.1234567", "2024-05-17T14:30-03:00", "2024-05-17T14:30:00+00:00",
          "2024-05-17T14:30+0130", "2024-02-30", "2024-05-17T25:00", "xxxxxxx", "2024-05-1\u00e9",
          "2024-05-17T", "2024-W54-1", "2024-05-17T14:30+", "2024-5-17", "2024-05-17T14:3",
          "2024-05-17T14:30:00.12a", "2024-05-17T14:30+25:00"]:
    for f in (datetime.fromisoformat, date.fromisoformat):
        try:
            print(repr(f(s)))
        except Exception as e:
            print(type(e).__name__, e)

for s in ["14:30", "T14:30:05.5", "14:30:00+01:00", "25:00", "1", "143005", "14:30Z"]:
    try:
        print(repr(time.fromisoformat(s)))
    except Exception as e:
        print(type(e).__name__, e)

for bad in (5, None, b"2024-01-01"):
    try:
        date.fromisoformat(bad)
    except Exception as e:
        print(type(e).__name__, e)

d = date(2024, 5, 17)
print(d.isocalendar().week, d.isocalendar().year, d.isocalendar().weekday, tuple(d.isocalendar()))
y, w, wd = date(2021, 1, 1).isocalendar()
print(y, w, wd, date(2024, 12, 30).isocalendar(), date(2026, 12, 31).isocalendar()[1])
print(datetime(2024, 5, 17, 9).isocalendar() == (2024, 20, 5))
print(date.fromordinal(738000), repr(datetime.fromordinal(738000)), date.fromordinal(d.toordinal()) == d)
print(date.fromordinal(1), date.fromordinal(3652059))
for n in (0, -5, 3652060):
    try:
        date.fromordinal(n)
    except ValueError as e:
        print("ValueError", e)
print(date.fromisocalendar(2024, 20, 5), date.fromisocalendar(2020, 53, 7))
for args in ((2024, 54, 5), (2024, 1, 8), (0, 1, 1)):
    try:
        date.fromisocalendar(*args)
    except ValueError as e:
        print("ValueError", e)
print(datetime.fromisoformat(dt.isoformat()) == dt, (datetime.fromisoformat("2024-05-17T10:00+02:00") - timedelta(hours=1)).isoformat())
