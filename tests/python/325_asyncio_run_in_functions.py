# asyncio.run called from plain functions the top level calls (def main(): asyncio.run(...)), several
# times, from a method, as an argument; an exception after a run; recursion in such a function
import asyncio

async def amain(n):
    await asyncio.sleep(0.1)
    print("amain", n)
    return n * 2

def main():
    r = asyncio.run(amain(1))
    print("main got", r)
    return helper(r)

def helper(r):
    print("helper", asyncio.run(amain(r)))
    return "done"

class App:
    def start(self):
        return asyncio.run(amain(10))

if __name__ == "__main__":
    print(main())
    print(App().start())
    try:
        print([asyncio.run(amain(5))])
    except RuntimeError as e:
        print(e)

def boom():
    asyncio.run(amain(3))
    raise ValueError("after run")

try:
    boom()
except ValueError as e:
    print("caught", e)

def rec(n):
    return 0 if n == 0 else 1 + rec(n - 1)
for n in (990, 995, 998, 999):
    try:
        print(rec(n))
    except RecursionError:
        print("RecursionError at", n)
boom()
