# sys.exit(code) ends the program with that status; finally blocks still run
import sys

print("doing work")
try:
    sys.exit(3)
finally:
    print("finally runs during sys.exit")
print("not reached")
