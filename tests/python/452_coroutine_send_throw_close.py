# A coroutine object stepped by hand: send(None) runs it (a return ends it with StopIteration
# and its value), throw(exc) raises exc in it, close() ends it without a "never awaited"
# warning; and CPython's errors for misuse: a non-None value sent to a coroutine that has not
# started, a coroutine reused once done, thrown non-exceptions, send() without its argument.
import asyncio


async def double(x):
    print("double starts", x)
    return x * 2


async def fails():
    raise KeyError("inside")


c = double(3)
try:
    c.send(None)
except StopIteration as e:
    print("StopIteration", e.value)
for misuse in (lambda: c.send(None), lambda: c.throw(ValueError("late"))):
    try:
        misuse()
    except RuntimeError as e:
        print("RuntimeError", e)

c = double(4)
try:
    c.send(1)
except TypeError as e:
    print("TypeError", e)
try:
    c.send()
except TypeError as e:
    print("TypeError", e)
for bad in (lambda: c.throw(), lambda: c.throw(1)):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
c.close()
c.close()
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError", e)

c = double(5)
try:
    c.throw(ValueError("thrown"))
except ValueError as e:
    print("ValueError", e)
try:
    c.throw(KeyError)
except RuntimeError as e:
    print("RuntimeError", e)

try:
    fails().send(None)
except KeyError as e:
    print("KeyError", e)


async def main():
    c = double(6)
    c.close()
    print(await double(7))
    try:
        await c
    except RuntimeError as e:
        print("RuntimeError", e)

asyncio.run(main())
print("end")
