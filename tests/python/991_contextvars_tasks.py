# contextvars: ContextVar get/set/reset with tokens, copy_context().run, and each task running
# in a copy of its creator's context (the request-id pattern: set in a task, read deep below).
import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="-")
user = contextvars.ContextVar("user")


def log(msg):
    print(f"[{request_id.get()}] {msg}")


async def query(sql):
    await asyncio.sleep(0.1)
    log(f"query {sql}")
    return len(sql)


async def handle(rid, delay):
    request_id.set(rid)
    await asyncio.sleep(delay)
    log("start")
    n = await query(f"select {rid}")
    log(f"done {n}")
    return request_id.get()


async def child_sees_parent():
    return request_id.get(), user.get("nobody")


async def main():
    log("main starts")
    results = await asyncio.gather(handle("r1", 0.2), handle("r2", 0.5), handle("r3", 0.8))
    print(results)
    log("main after gather")
    token = request_id.set("main")
    user.set("ann")
    print(await asyncio.create_task(child_sees_parent()))
    t = asyncio.create_task(child_sees_parent())
    request_id.set("changed after create")
    print(await t)
    request_id.reset(token)
    log("after reset")
    ctx = contextvars.copy_context()
    print(await asyncio.create_task(child_sees_parent(), context=ctx))
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(handle("g1", 0.1))
    print(a.result(), request_id.get())


print(request_id.name, request_id.get(), user.get("none yet"))
try:
    user.get()
except LookupError as e:
    print("LookupError", e.args[0] is user)
tok = user.set("bob")
print(tok.var is user, tok.old_value is contextvars.Token.MISSING, contextvars.Token.MISSING)
ctx = contextvars.copy_context()


def inside(x):
    user.set(x)
    return user.get(), request_id.get()


print(ctx.run(inside, "carol"), user.get(), ctx[user], user in ctx, len(ctx), ctx.get(request_id, "?"))
user.reset(tok)
print(user.get("reset"), ctx[user])
for bad in [lambda: user.reset(tok), lambda: request_id.reset(ctx.run(user.set, "x")), lambda: user.reset(5)]:
    try:
        bad()
    except (RuntimeError, ValueError, TypeError) as e:
        print(type(e).__name__)
try:
    ctx.run(ctx.run, print, "nested")
except RuntimeError as e:
    print("RuntimeError", str(e).startswith("cannot enter context"))
print(type(ctx).__name__, type(user).__name__, contextvars.Context().get(user, "empty"))
asyncio.run(main())
print(request_id.get(), user.get("after run"))
