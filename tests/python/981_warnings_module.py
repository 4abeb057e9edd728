# warnings.warn: `main.py:LINE: Category: message` and the source line on stderr, once per
# place by default; categories, stacklevel, simplefilter/filterwarnings (ignore, error, always,
# once), catch_warnings(record=True).
import asyncio
import warnings


def old_api(x):
    warnings.warn("old_api is deprecated, use new_api", DeprecationWarning, stacklevel=2)
    return x * 2


def check(level):
    if level > 3:
        warnings.warn(f"level {level} is high")


for i in range(3):
    check(5)          # the same place: shown once
check(4)              # another message: shown
print(old_api(1), old_api(2))
print(old_api(3))
warnings.warn(RuntimeWarning("an instance"))
warnings.warn("too deep", stacklevel=5)

warnings.simplefilter("ignore", UserWarning)
check(9)
warnings.simplefilter("error", RuntimeWarning)
try:
    warnings.warn("now an error", RuntimeWarning)
except RuntimeWarning as e:
    print("raised:", repr(e))
warnings.resetwarnings()
warnings.filterwarnings("always", message="repeat")
for i in range(2):
    warnings.warn("Repeat me")
warnings.filterwarnings("once", category=UserWarning)
for i in range(2):
    warnings.warn("only once")
    warnings.warn("only once")

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("recorded", UserWarning)
    old_api(4)
print([(w.category.__name__, str(w.message), w.lineno) for w in caught])
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    warnings.warn("silenced")
warnings.warn("after the block")
try:
    warnings.warn("x", category=str)
except TypeError as e:
    print(e)


async def main():
    await asyncio.sleep(0.1)
    warnings.warn("from a coroutine")


asyncio.run(main())
