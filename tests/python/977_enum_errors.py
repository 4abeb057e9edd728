# The errors a learner meets with enum: calling with no value, a name that is not a member
# (KeyError), comparing plain Enum members with <, and an uncaught lookup by a value that is
# not a member (ValueError with CPython's wording, its traceback through main.py).
from enum import Enum


class Job(Enum):
    QUEUED = "queued"
    DONE = "done"


try:
    Job()
except TypeError as e:
    print("TypeError:", e)
try:
    Job["RUNNING"]
except KeyError as e:
    print("KeyError:", e)
try:
    Job.QUEUED < Job.DONE
except TypeError as e:
    print("TypeError:", e)
try:
    Job.MISSING
except AttributeError as e:
    print("AttributeError:", e)
print(Job("done"))
Job("running")
