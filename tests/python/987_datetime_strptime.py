# datetime.strptime: the common directives (%Y %m %d %H %M %S %f %b %B %a %A %p %I %y %j %z
# %%), whitespace, case, defaults, and CPython's ValueError messages.
from datetime import datetime

print(datetime.strptime("2024-02-28 23:00", "%Y-%m-%d %H:%M"))
print(repr(datetime.strptime("2024-02-28T23:05:09.123", "%Y-%m-%dT%H:%M:%S.%f")))
print(datetime.strptime("28 Feb 2024", "%d %b %Y"), datetime.strptime("march 5, 99", "%B %d, %y"))
print(datetime.strptime("Thursday, 01 January 70", "%A, %d %B %y"))
print(datetime.strptime("Mon Jan  5 07:08:09 2026", "%a %b %d %H:%M:%S %Y"))
print(datetime.strptime("12:30 PM", "%I:%M %p"), datetime.strptime("12:30 am", "%I:%M %p"))
print(datetime.strptime("7:05pm", "%I:%M%p").time(), datetime.strptime("2024 060", "%Y %j").date())
print(datetime.strptime("10%", "%d%%"), datetime.strptime("5", "%M"))
print(datetime.strptime("1/2/2024", "%m/%d/%Y"), datetime.strptime("20240102", "%Y%m%d"))
print(datetime.strptime("2024-02-28   10:00", "%Y-%m-%d %H:%M"))
d = datetime.strptime("2024-02-28 10:00:00+0530", "%Y-%m-%d %H:%M:%S%z")
print(d, d.tzinfo, d.utcoffset())
print(datetime.strptime("2024-02-28 10:00 -08:00", "%Y-%m-%d %H:%M %z").isoformat())
print(datetime.strptime("2024-02-28T10:00:00Z", "%Y-%m-%dT%H:%M:%S%z"))
print(datetime.strptime("2024-02-28T10:00:00Z", "%Y-%m-%dT%H:%M:%SZ"))
stamp = datetime(2025, 7, 4, 16, 20, 1, 500)
print(datetime.strptime(stamp.strftime("%Y-%m-%d %H:%M:%S.%f"), "%Y-%m-%d %H:%M:%S.%f") == stamp)
print(datetime.strptime(stamp.strftime("%c"), "%c"), datetime.strptime("07/04/25", "%x"))
logs = ["2024-03-01 09:15:00 start", "2024-03-01 09:17:30 stop"]
times = [datetime.strptime(line[:19], "%Y-%m-%d %H:%M:%S") for line in logs]
print(times[1] - times[0], (times[1] - times[0]).total_seconds())

for data, fmt in [
    ("2024-02-30", "%Y-%m-%d"),
    ("2024-13-01", "%Y-%m-%d"),
    ("2024/02/28", "%Y-%m-%d"),
    ("2024-02-28 extra", "%Y-%m-%d"),
    ("02-29", "%m-%d"),
    ("24:00", "%H:%M"),
    ("x", "%Q"),
    ("5", "%d%"),
    ("Febr 1", "%b %d"),
    ("", "%Y"),
    ("2024-02-28 10:00 +05:3", "%Y-%m-%d %H:%M %z"),
]:
    try:
        print(datetime.strptime(data, fmt))
    except ValueError as e:
        print("ValueError:", e)
try:
    datetime.strptime(20240228, "%Y%m%d")
except TypeError as e:
    print("TypeError:", e)
datetime.strptime("28/02/2024", "%Y-%m-%d")
