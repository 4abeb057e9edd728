# asyncio's functions print as the Python functions they are in CPython (<function sleep at
# 0x...>); its loop getters are built-ins there (C). Addresses differ between runs and engines:
# the program replaces them before printing.
import asyncio
import re


def shown(obj):
    return re.sub(r"0x[0-9a-f]+", "0x...", repr(obj))


names = ["sleep", "gather", "wait_for", "wait", "create_task", "ensure_future", "run", "shield",
         "as_completed", "to_thread", "current_task", "all_tasks", "timeout", "timeout_at",
         "iscoroutine", "iscoroutinefunction", "isfuture", "new_event_loop", "set_event_loop",
         "get_running_loop", "get_event_loop"]
for name in names:
    f = getattr(asyncio, name)
    print(f"{name:20} {shown(f):40} {f.__name__}")
print(shown(asyncio.sleep) == shown(asyncio.sleep), asyncio.sleep is asyncio.sleep)
print(re.fullmatch(r"<function sleep at 0x[0-9a-f]+>", str(asyncio.sleep)) is not None)
print(asyncio.sleep.__module__, asyncio.run.__module__, asyncio.to_thread.__module__,
      asyncio.timeout.__module__, asyncio.iscoroutine.__module__)
print(f"{asyncio.gather!r}" == repr(asyncio.gather), [shown(asyncio.wait)])
