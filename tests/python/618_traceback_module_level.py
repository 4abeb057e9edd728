# uncaught exception in plain module-level code (no asyncio): partial output, traceback, status 1
def divide(a, b):
    return a / b

results = []
for b in (2, 1, 0, 5):
    results.append(divide(10, b))
    print("ok so far:", results)
print("never printed")
