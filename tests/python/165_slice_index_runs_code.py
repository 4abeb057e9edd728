# A slice bound with __index__ runs the program's code, which may change the very list being
# sliced: the bounds are read first, then clamped to the list as it is (this aborted the page).
class Last:
    def __index__(self):
        return len(xs) - 1


class Grow:
    def __index__(self):
        xs.append(0)
        return 1


xs = [1, 2, 3]
xs[Last():] = [9]
print(xs)
xs[::Last()] = [7, 8]
print(xs)
print(xs[Grow():])
del xs[Grow():2]
print(xs)
ys = bytearray(b"abcdef")
ys[1:3] = b""
ys[::2] = b"XY"
print(ys)
