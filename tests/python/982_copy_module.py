# copy.copy and copy.deepcopy: lists, dicts, sets, tuples, instances (and dataclasses), shared
# and cyclic parts (the memo), __copy__/__deepcopy__, collections' containers.
import copy
from collections import Counter, OrderedDict, defaultdict, deque
from dataclasses import dataclass, field


class Node:
    def __init__(self, name, children=None):
        self.name = name
        self.children = children or []

    def __repr__(self):
        return f"Node({self.name!r}, {self.children!r})"


@dataclass
class Config:
    name: str
    tags: list = field(default_factory=list)


class Tracked:
    def __init__(self, v):
        self.v = v

    def __copy__(self):
        print("__copy__ called")
        return Tracked(self.v)

    def __deepcopy__(self, memo):
        print("__deepcopy__ called")
        return Tracked(copy.deepcopy(self.v, memo))


grid = [[0, 0], [0, 0]]
shallow = copy.copy(grid)
deep = copy.deepcopy(grid)
grid[0][0] = 9
print(shallow, deep, shallow is grid, shallow[0] is grid[0], deep[0] is grid[0])

d = {"a": [1, 2], "b": {"c": (3, [4])}}
d2 = copy.deepcopy(d)
d2["b"]["c"][1].append(5)
print(d, d2)
t = (1, 2, "x")
print(copy.deepcopy(t) is t, copy.copy(t) is t, copy.deepcopy((1, [2]))[1] is not None)
s = {1, 2, 3}
print(copy.copy(s) == s, copy.copy(s) is s, copy.deepcopy(frozenset([1, 2])))

shared = [1, 2]
pair = [shared, shared]
pair2 = copy.deepcopy(pair)
print(pair2[0] is pair2[1], pair2[0] is shared)
loop = [1]
loop.append(loop)
loop2 = copy.deepcopy(loop)
print(loop2[1] is loop2, loop2 is not loop)

root = Node("root", [Node("a"), Node("b")])
root2 = copy.deepcopy(root)
root2.children[0].name = "changed"
print(root, root2, type(root2).__name__)
root3 = copy.copy(root)
print(root3.children is root.children, root3 is not root)

cfg = Config("svc", ["x"])
cfg2 = copy.deepcopy(cfg)
cfg2.tags.append("y")
print(cfg, cfg2, cfg == Config("svc", ["x"]))

tr = Tracked([1])
print(copy.copy(tr).v, copy.deepcopy(tr).v)

c = Counter("aab")
c2 = copy.copy(c)
c2["z"] += 1
print(c, c2)
dd = defaultdict(list, {"k": [1]})
dd2 = copy.deepcopy(dd)
dd2["k"].append(2)
dd2["new"].append(3)
print(dict(dd), dict(dd2))
q = deque([1, 2])
q2 = copy.copy(q)
q2.append(3)
print(q, q2, copy.deepcopy(OrderedDict(a=[1])))
print(copy.copy(len) is len, copy.deepcopy(Node) is Node, copy.deepcopy(None), copy.copy(3.5))
