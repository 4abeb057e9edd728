# loop.default_exception_handler with a context whose values' __repr__ change the context
# dict while it is being written: no borrow of the dict is held while user code runs; the keys
# are listed once and each value is read when its turn comes (a key removed meanwhile is a
# KeyError, as in CPython).
import asyncio
class Adds:
    def __repr__(self):
        ctx['zz_added'] = 1
        return 'Adds()'
class Drops:
    def __repr__(self):
        ctx.pop('b', None)
        return 'Drops()'
async def main():
    global ctx
    loop = asyncio.get_running_loop()
    ctx = {'message': 'first', 'obj': Adds()}
    loop.default_exception_handler(ctx)
    print(sorted(ctx))
    ctx = {'message': 'second', 'a': Drops(), 'b': 2}
    try:
        loop.default_exception_handler(ctx)
    except KeyError as e:
        print('KeyError', e)
    ctx = {'message': 'third', 'obj': Adds()}
    loop.call_exception_handler(ctx)
    print(sorted(ctx))
asyncio.run(main())
