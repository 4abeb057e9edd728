# sys: stdout.write returns the count, stderr, version_info comparison, argv length, exit later
import sys

n = sys.stdout.write("written with sys.stdout.write\n")
print("write returned", n)
sys.stderr.write("a line on stderr\n")
print("version >= 3.11:", sys.version_info >= (3, 11), sys.version_info[0])
print(type(sys.argv).__name__, len(sys.argv), isinstance(sys.maxsize, int))
print("recursion limit is an int:", isinstance(sys.getrecursionlimit(), int))
sys.stdout.write("no newline, ")
sys.stdout.write("then one\n")
print("done", file=sys.stdout)
