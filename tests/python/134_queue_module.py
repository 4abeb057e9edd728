# queue (the threads' queues) in one thread: FIFO, LIFO and priority order, qsize/empty/full,
# the _nowait calls and Empty/Full, a get with a timeout, task_done and join.
import queue

q = queue.Queue()
for i in range(3):
    q.put(i)
print(q.qsize(), q.empty(), q.full())
print([q.get() for _ in range(3)], q.empty())
try:
    q.get_nowait()
except queue.Empty as e:
    print("Empty", repr(e))
try:
    q.get(timeout=0.1)
except queue.Empty:
    print("get timed out")

bounded = queue.Queue(maxsize=2)
bounded.put_nowait("a")
bounded.put("b")
print(bounded.full(), bounded.maxsize)
try:
    bounded.put("c", block=False)
except queue.Full:
    print("Full")
while not bounded.empty():
    print("got", bounded.get())
    bounded.task_done()
bounded.join()
print("joined")
try:
    bounded.task_done()
except ValueError as e:
    print("ValueError:", e)

jobs = queue.PriorityQueue()
for job in [(3, "low"), (1, "urgent"), (2, "normal")]:
    jobs.put(job)
print([jobs.get() for _ in range(3)])
stack = queue.LifoQueue()
for x in "xyz":
    stack.put(x)
print([stack.get() for _ in range(3)])
simple = queue.SimpleQueue()
simple.put(1)
print(simple.get(), simple.empty(), simple.qsize())
q.get_nowait()
