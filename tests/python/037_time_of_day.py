# time's calendar side: gmtime, strftime, asctime and struct_time, on fixed moments (the page's
# clock starts each run at 2026-01-01 00:00 UTC; CPython's at the real time, so "now" is only
# checked for its shape here).
import time

for secs in (0, 86_399, 951_782_400, 1_767_225_600, 1_767_225_600 + 3 * 3600 + 25 * 60 + 7, -1, 4_102_444_800):
    t = time.gmtime(secs)
    print(secs, tuple(t))
    print("  ", time.strftime("%Y-%m-%d %H:%M:%S %a %A %b %B %j %U %W %w %u %y %C %e|", t))
    print("  ", time.strftime("%I:%M %p | %X | %x | %D | %F | %T | %R | %r | %% | %c", t))
    print("  ", time.asctime(t))

t = time.gmtime(1_767_225_600 + 45_296)
print(t)
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_wday, t.tm_yday, t.tm_isdst)
print(t[0], t[3:6], len(t), list(t)[-3:])
year, month, *rest = t
print(year, month, rest)
print(t == (2026, 1, 1, 12, 34, 56, 3, 1, 0), t == time.gmtime(1_767_225_600 + 45_296))
print(time.strftime("%H:%M", (2024, 2, 29, 23, 59, 0, 3, 60, 0)))
print(time.gmtime(1.9) == time.gmtime(1), time.asctime((2000, 1, 1, 0, 0, 0, 5, 1, 0)))

now = time.strftime("%X")
print(len(now), now[2], now[5], now.replace(":", "").isdigit())
print(len(time.ctime()), time.ctime()[3], time.ctime()[-5])
print(type(time.localtime().tm_hour).__name__, len(time.localtime()))

for bad in ("soon", [1, 2], (1, 2), (2000, 1, 1, 0, 0, 0, 0, 1, "a")):
    try:
        time.strftime("%X", bad)
    except TypeError as e:
        print("TypeError", e)
for bad in ((2000, 13, 1, 0, 0, 0, 0, 1, 0), (2000, 1, 32, 0, 0, 0, 0, 1, 0), (2000, 1, 1, 24, 0, 0, 0, 1, 0),
            (2000, 1, 1, 0, 60, 0, 0, 1, 0), (2000, 1, 1, 0, 0, 62, 0, 1, 0), (2000, 1, 1, 0, 0, 0, -2, 1, 0),
            (2000, 1, 1, 0, 0, 0, 0, 367, 0)):
    try:
        time.asctime(bad)
    except ValueError as e:
        print("ValueError", e)
print(time.strftime("%d %j %Q %", (2000, 0, 0, 0, 0, 0, -1, 0, 0)))
try:
    time.gmtime("x")
except TypeError as e:
    print("TypeError", e)
