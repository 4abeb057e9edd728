# truthiness of built-in values and user classes with __bool__ / __len__
values = [0, 1, -1, 0.0, 0.5, "", " ", "0", [], [0], (), (None,), {}, {"": 0}, None, True, False, range(0), range(1)]
for v in values:
    print(repr(v), bool(v))
class Empty:
    def __len__(self):
        return 0
class Falsy:
    def __bool__(self):
        return False
class Plain:
    pass
print(bool(Empty()), bool(Falsy()), bool(Plain()))
print(len([v for v in values if v]), "truthy of", len(values))
print(any(values), all(values), all([]), any([]))
