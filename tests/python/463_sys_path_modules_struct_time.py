# sys.path (a list of directory strings), sys.modules (a dict of the modules imported so far,
# with __main__), time.struct_time (named fields, indexing, unpacking, isinstance) and a
# coroutine's cr_code.
import asyncio
import sys
import time

print(type(sys.path).__name__, len(sys.path) > 0, all(isinstance(p, str) for p in sys.path))
print(type(sys.modules).__name__, "sys" in sys.modules, "asyncio" in sys.modules, "time" in sys.modules)
print(sys.modules["time"] is time, sys.modules["__main__"].__name__, "json" in sys.modules)
import json

print("json" in sys.modules, sys.modules.get("no_such_module"))

t = time.gmtime(0)
print(t)
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_wday, t.tm_yday, t.tm_isdst)
print(t[0], t[-1], len(t), tuple(t)[:3], t[1:3], type(t).__name__)
year, month, *rest = t
print(year, month, rest)
later = time.gmtime(86400 * 365 + 3661)
print(later.tm_year, later[3:6], isinstance(later, time.struct_time), isinstance(7, time.struct_time))
print(time.strftime("%Y-%m-%d %H:%M:%S", later), time.mktime(later) - time.mktime(t) > 0)


async def fetch(n):
    await asyncio.sleep(0)
    return n


coro = fetch(1)
print(coro.cr_code.co_name, coro.cr_code.co_qualname, coro.cr_code.co_firstlineno, coro.cr_running)
print(asyncio.run(coro))
