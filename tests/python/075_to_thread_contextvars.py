# asyncio.to_thread runs its function in a copy of the caller's contextvars context (as
# contextvars.copy_context().run): a ContextVar set in the task is seen in the thread, what the
# thread sets stays there, and each task's thread sees that task's values; run_in_executor
# does not copy the context.
import asyncio
import contextvars
import time

request_id = contextvars.ContextVar("request_id", default="-")
user = contextvars.ContextVar("user")


def lookup(what):
    time.sleep(0.1)
    try:
        who = user.get()
    except LookupError:
        who = "nobody"
    user.set("set in the thread")
    return f"{what}: request={request_id.get()} user={who}"


async def handle(rid, delay):
    request_id.set(rid)
    await asyncio.sleep(delay)
    print(await asyncio.to_thread(lookup, f"handle {rid}"), "| after:", user.get("unset"))


async def main():
    print(await asyncio.to_thread(lookup, "before any set"))
    user.set("ann")
    token = request_id.set("main")
    print(await asyncio.to_thread(lookup, "in main"), "| after:", user.get())
    await asyncio.gather(handle("r1", 0.2), handle("r2", 0.5))
    request_id.reset(token)
    print(await asyncio.to_thread(lookup, "after reset"))
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, lookup, "run_in_executor"))
    ctx = contextvars.copy_context()
    print(await asyncio.to_thread(ctx.run, lookup, "ctx.run"))


asyncio.run(main())
print(request_id.get(), user.get("unset at the top level"))
