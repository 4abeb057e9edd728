# json.dumps whose default= changes the list being encoded: the list is read as it stands at
# each item, as CPython's encoder reads it (items added are encoded, removed ones are not).
import json
class Thing:
    pass
L = [Thing(), Thing(), 3]
def shrink(o):
    L.clear()
    return 'gone'
print(json.dumps(L, default=shrink))
L[:] = [Thing(), 1]
def grow(o):
    L.append(len(L))
    return 'grew'
print(json.dumps(L, default=grow), L[1:])
L[:] = [Thing(), Thing(), 3]
print(json.dumps(L, default=shrink, indent=2))
L[:] = [Thing(), 'a']
print(json.dumps({'k': L, 't': (1, 2)}, default=grow, separators=(',', ':')))
