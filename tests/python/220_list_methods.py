# list methods: append, extend, insert, pop, remove, index, count, sort, reverse, copy, clear
a = [3, 1, 4]
a.append(1)
a.extend([5, 9])
a.insert(0, 2)
a.insert(100, 6)
a.insert(-1, 7)
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1)
print(a, a.index(4), a.count(1), a.count(42))
b = a.copy()
b.sort()
print(a, b)
b.reverse()
print(b)
c = b * 2 + [0]
print(c, len(c), c.index(4, 3))
c.clear()
print(c, len(c))
for fn in (lambda: [].pop(), lambda: [1].remove(2), lambda: [1].index(9), lambda: [1, 2].pop(5)):
    try:
        fn()
    except (IndexError, ValueError) as e:
        print(type(e).__name__ + ":", e)
stack = []
stack.append("a")
stack.append("b")
print(stack.pop(), stack)
queue = ["first", "second"]
print(queue.pop(0), queue)
print([1, 2] + [3], [0] * 3, 2 in [1, 2], [1, 2] == [1, 2], [1, 2] < [1, 2, 0], [3] > [2, 9])
