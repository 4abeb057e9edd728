# Lists and tuples compare by their first differing items as Python compares those: the items'
# own __lt__ (the (priority, job) idiom), and TypeErrors that name the items' types.
class Job:
    def __init__(self, n): self.n = n
    def __lt__(self, o): return self.n < o.n
    def __repr__(self): return f"Job({self.n})"
print((1, Job(2)) < (1, Job(3)), sorted([(1, Job(3)), (1, Job(2)), (0, Job(9))]))
print([1, Job(5)] > [1, Job(4)], max([(2, Job(1)), (2, Job(7))]))

class Plain:
    pass
for a, b in [((1, Plain()), (1, Plain())), ([1, None], [1, 2]), ((1, "a"), (1, 2))]:
    try:
        print(a < b)
    except TypeError as e:
        print("TypeError:", e)
try:
    sorted([(1, {}), (1, {})])
except TypeError as e:
    print("TypeError:", e)
print((1, 2) < (1, 2, 0), [3] >= [2, 9], (1, [2, 3]) < (1, [2, 4]), () < (0,))
nested = ((1, (2, Job(1))), (1, (2, Job(0))))
print(nested[0] > nested[1], sorted(nested)[0])
