# str.format: positional, indexed, named, attribute and index lookups, specs, escaping braces
class User:
    def __init__(self, name, langs):
        self.name = name
        self.langs = langs

u = User("Guido", ["Python", "ABC"])
print("{} + {} = {}".format(1, 2, 3))
print("{1} {0} {1}".format("a", "b"))
print("{greet}, {who}!".format(greet="Hello", who="world"))
print("{0.name} knows {0.langs[0]} and {0.langs[1]}".format(u))
print("{u.name!r} {d[key]} {d[2]}".format(u=u, d={"key": "value", 2: "two"}))
print("{:>8}|{:<8}|{:^8}|{:*^9}".format("r", "l", "c", "s"))
print("{:.3f} {:,} {:08.2f} {:x} {:#b} {:.1%}".format(3.14159, 1000000, -3.5, 255, 5, 0.25))
print("{0:{1}.{2}f}".format(3.14159, 8, 2))
print("{{braces}} and {}".format("value"))
print("{!s} {!r}".format("s", "r"))
args = ("x", "y")
kwargs = {"z": "Z"}
print("{} {} {z}".format(*args, **kwargs))
print("{0}{0}{0}".format("ab"))
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError:", e)
try:
    "{missing}".format(present=1)
except KeyError as e:
    print("KeyError:", e)
print(format(3.14159, ".2f"), format(42, "05d"), format("s", ">3"), format(1234, ","))
