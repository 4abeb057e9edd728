# inspect's predicates and signature(), and types' SimpleNamespace and object types.
import asyncio
import functools
import inspect
import types


async def fetch(url, *, timeout=5.0):
    await asyncio.sleep(0)
    return url


def numbers(n):
    yield from range(n)


async def ticks():
    yield 1


def plain(a, b=2, *args, c, d="x", **kw):
    pass


def only(x, y=None, /, z=3):
    pass


class Service:
    def __init__(self, name, retries=3):
        self.name = name

    def run(self, job, *, force=False):
        return job


svc = Service("api")
for f in (fetch, numbers, ticks, plain, svc.run, Service, len):
    print(getattr(f, "__name__", f), inspect.iscoroutinefunction(f), inspect.isgeneratorfunction(f),
          inspect.isasyncgenfunction(f), inspect.isfunction(f), inspect.ismethod(f), inspect.isclass(f))

coro = fetch("u")
print(inspect.iscoroutine(coro), inspect.isawaitable(coro), inspect.isawaitable(fetch), asyncio.run(coro))
print(inspect.isgenerator(numbers(2)), isinstance(numbers(2), types.GeneratorType))
for f in (fetch, plain, only, svc.run, Service, lambda *a, **k: None):
    sig = inspect.signature(f)
    print(sig, list(sig.parameters))
p = inspect.signature(plain).parameters
print(p["b"], repr(p["d"]), p["b"].default, p["c"].default is inspect.Parameter.empty)
print([str(q.kind) for q in p.values()], p["args"].kind == inspect.Parameter.VAR_POSITIONAL)

ns = types.SimpleNamespace(host="localhost", port=8080)
ns.debug = True
print(ns, ns.port, ns == types.SimpleNamespace(host="localhost", port=8080, debug=True))
print(vars(ns))
print(isinstance(plain, types.FunctionType), isinstance(svc.run, types.MethodType),
      isinstance(inspect, types.ModuleType), isinstance(None, types.NoneType),
      isinstance(lambda: 0, types.LambdaType), isinstance(coro, types.CoroutineType))
print(types.FunctionType, types.CoroutineType, types.GeneratorType, types.MethodType,
      types.ModuleType, types.NoneType, types.BuiltinFunctionType)


async def awaitables():
    fut = asyncio.get_running_loop().create_future()
    task = asyncio.create_task(fetch("t"))
    print(inspect.isawaitable(fut), inspect.isawaitable(task), inspect.isawaitable(3), await task)


asyncio.run(awaitables())
print(inspect.iscoroutinefunction(functools.partial(fetch, "u")), inspect.signature(Service.run))
