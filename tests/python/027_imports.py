# import forms: import, import as, from-import, from-import as, module attributes
import asyncio
import math as m
import json, sys
from random import seed, randint as ri
from time import monotonic
print(m.floor(2.7), m.pi > 3)
print(json.dumps([1, 2]))
seed(1)
print(ri(1, 6), ri(1, 6))
print(type(monotonic()).__name__)
print(asyncio.iscoroutinefunction(asyncio.sleep), callable(sys.exit))
def local_import():
    from math import sqrt
    return sqrt(16)
print(local_import())
try:
    import not_a_real_module_xyz
except ImportError as e:
    print(type(e).__name__, e)
try:
    from math import nonexistent_name
except ImportError as e:
    print(type(e).__name__, str(e).startswith("cannot import name 'nonexistent_name' from 'math'"))
