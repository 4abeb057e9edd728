# Method calls: a small class, attribute reads and writes, 300,000 bound-method calls.
class Counter:
    def __init__(self, step):
        self.value = 0
        self.step = step

    def add(self, k):
        self.value += self.step * k
        return self

    def get(self):
        return self.value


def run(n):
    c = Counter(3)
    for i in range(n):
        c.add(i % 5)
    return c.get()


print("methods", run(300_000))
