# Modules' own attributes: __name__ (of the program, standard modules, packages' submodules
# and modules written in Python), and a __doc__.
import asyncio
import json
import random
import math
import time
import sys
import collections
import datetime
import concurrent.futures
import urllib.parse
import os.path
from concurrent import futures

print(__name__)
for m in (json, random, asyncio, math, time, sys, collections, datetime, concurrent.futures,
          urllib.parse, futures):
    print(m.__name__, type(m).__name__)
print(os.path.__name__ == "posixpath", hasattr(json, "__doc__"))
print(f"{random.__name__}.{random.randint.__name__}")
