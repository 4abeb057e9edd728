# %-formatting: %s %r %d %i %f %e %x %o %%, widths, precision, flags, tuples and dicts
name, age, h = "Grace", 85, 1.6789
print("%s is %d years old" % (name, age))
print("%r %s" % ("quoted", "plain"))
print("%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%.2f|%8.3f|%-8.1f|%08.2f|%e|%.1E" % (h, h, h, h, h, h))
print("%x|%X|%#x|%o|%#o" % (255, 255, 255, 8, 8))
print("100%% sure, %s" % "really")
print("%(name)s is %(age)d" % {"name": name, "age": age})
print("single value: %s" % 3.0)
print("tuple as one value: %s" % ((1, 2),))
print("%c%c" % (72, "i"))
print("%10s|%-10s|%.3s" % ("right", "left", "truncate"))
print("%i %d" % (3.9, -3.9))
print("%g %g %g" % (0.0001, 1234567.0, 1e-7))
try:
    print("%d %d" % (1,))
except TypeError as e:
    print("TypeError:", e)
try:
    print("%d" % "x")
except TypeError as e:
    print("TypeError:", e)
