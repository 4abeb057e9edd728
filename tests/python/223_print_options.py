# print to stdout and stderr: sep, end, file=sys.stderr, flush, print of many types
import sys
print("to stdout")
print("to stderr", file=sys.stderr)
print("a", "b", sep="|", end=".\n")
print("error", 42, sep=": ", file=sys.stderr)
print("flushed", flush=True)
print("x", "y", sep="", end="")
print("", end="\n")
print(*range(3), sep="\n")
print(None, end=" <- None\n")
sys.stdout.write("written directly\n")
sys.stderr.write("stderr directly\n")
print("last line")
