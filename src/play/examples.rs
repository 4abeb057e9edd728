//! The script page's Examples menu: every gallery demo's program (its Python with the lesson's
//! values), then short tutorial-style programs, one idea each. Every one compiles on the engine
//! (`tests/session.rs`); the requests one is also corpus program 724, checked against CPython.

use crate::demos::params::Form;
use crate::demos::{python_with, DEMOS};

/// A tutorial-style program.
pub struct Example {
    /// Stable key (autosave and tests name examples by it).
    pub key: &'static str,
    pub title: &'static str,
    pub code: &'static str,
}

/// The program a fresh script page starts with.
pub const FIRST: &str = "gather-sleeps";

pub const TUTORIALS: &[Example] = &[
    Example {
        key: "gather-sleeps",
        title: "gather: three sleeps at once",
        code: r#"import asyncio

async def nap(name, seconds):
    print(f"{name} goes to sleep for {seconds} s")
    await asyncio.sleep(seconds)  # while it sleeps, the loop runs the others
    print(f"{name} wakes up")
    return name

async def main():
    # gather runs the three at the same time: 1.5 s in all, not 3 s
    order = await asyncio.gather(nap("A", 1.0), nap("B", 0.5), nap("C", 1.5))
    print("results, in the order passed:", order)

asyncio.run(main())
"#,
    },
    Example {
        key: "say-after",
        title: "say_after: the Python docs' first example",
        code: r#"# From docs.python.org, "Coroutines and Tasks"
import asyncio
import time

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def main():
    task1 = asyncio.create_task(say_after(1, 'hello'))
    task2 = asyncio.create_task(say_after(2, 'world'))

    print(f"started at {time.strftime('%X')}")

    # Wait until both tasks are completed (should take
    # around 2 seconds.)
    await task1
    await task2

    print(f"finished at {time.strftime('%X')}")

asyncio.run(main())
"#,
    },
    Example {
        key: "create-task",
        title: "create_task: a download while main works on",
        code: r#"import asyncio

async def download(name, seconds):
    print(f"downloading {name}...")
    await asyncio.sleep(seconds)
    print(f"{name} done")
    return f"{name}.zip"

async def main():
    # create_task schedules the coroutine: it starts on the loop's next turn,
    # while main goes on with its own work
    task = asyncio.create_task(download("photos", 2.0))
    for i in range(3):
        print(f"main does other work ({i})")
        await asyncio.sleep(0.5)
    result = await task  # now wait for it (it is already half-way)
    print("got", result)

asyncio.run(main())
"#,
    },
    Example {
        key: "wait-for",
        title: "wait_for: give up on a slow answer",
        code: r#"import asyncio

async def slow_answer():
    print("thinking...")
    await asyncio.sleep(3.0)
    return 42

async def main():
    try:
        # the inner task is cancelled when the 1 s timeout runs out
        answer = await asyncio.wait_for(slow_answer(), timeout=1.0)
        print("answer:", answer)
    except TimeoutError:
        print("gave up after 1 s")
    answer = await asyncio.wait_for(slow_answer(), timeout=5.0)
    print("with more time:", answer)

asyncio.run(main())
"#,
    },
    Example {
        key: "queue",
        title: "Queue: a producer and two consumers",
        code: r#"import asyncio

async def producer(queue):
    for i in range(6):
        await asyncio.sleep(0.3)  # making an item takes a while
        await queue.put(f"item {i}")
        print(f"put item {i} (queue size {queue.qsize()})")
    for _ in range(2):
        await queue.put(None)  # one "no more items" per consumer

async def consumer(name, queue):
    while True:
        item = await queue.get()  # waits while the queue is empty
        if item is None:
            break
        print(f"{name} handles {item}")
        await asyncio.sleep(0.8)  # handling takes longer than making
    print(f"{name} stops")

async def main():
    queue = asyncio.Queue(maxsize=2)  # put() waits when 2 items are waiting
    await asyncio.gather(producer(queue), consumer("worker 1", queue), consumer("worker 2", queue))

asyncio.run(main())
"#,
    },
    Example {
        key: "llm-batch",
        title: "Semaphore: a batch of LLM calls, 3 at a time",
        code: r#"import asyncio
import anthropic
import interleave

# Requests to api.anthropic.com are answered by Interleave's simulated API,
# here with 15% of requests refused (429: rate limited).
interleave.simulate(failure_rate=0.15)

async def summarize(client, limit, i):
    async with limit:  # at most 3 requests in flight; the others wait here
        reply = await client.messages.create(
            model="claude-haiku-4-5",
            max_tokens=50,
            messages=[{"role": "user", "content": f"Summarize article {i}"}],
        )
        return reply.content[0].text

async def main():
    client = anthropic.AsyncAnthropic(max_retries=0)
    limit = asyncio.Semaphore(3)
    # return_exceptions=True: a failed call comes back as its exception,
    # and the other calls carry on
    results = await asyncio.gather(
        *(summarize(client, limit, i) for i in range(8)), return_exceptions=True
    )
    for i, r in enumerate(results):
        if isinstance(r, Exception):
            print(f"article {i}: failed: {type(r).__name__}")
        else:
            print(f"article {i}: {r[:40]}")

asyncio.run(main())
"#,
    },
    Example {
        key: "openai",
        title: "OpenAI: a batch of chat completions, 3 at a time",
        code: r#"import asyncio
import time
import interleave
from openai import AsyncOpenAI, RateLimitError

# Requests to api.openai.com are answered by Interleave's simulated LLM, here
# with 25% of requests refused (429: rate limited). The client retries a
# refused call twice (max_retries=2), after 0.5 s then 1 s.
interleave.simulate(failure_rate=0.25)

client = AsyncOpenAI()  # no API key needed
start = time.perf_counter()

TOPICS = ["asyncio", "coroutines", "threads", "locks", "Python", "coffee"]

async def haiku(limit, topic):
    async with limit:  # at most 3 calls in flight; the others wait here
        resp = await client.chat.completions.create(
            model="gpt-4o-mini",
            messages=[{"role": "user", "content": f"Write a haiku about {topic}"}],
            max_tokens=30,
        )
        return f"{resp.choices[0].message.content} (done at {time.perf_counter() - start:.1f} s)"

async def main():
    limit = asyncio.Semaphore(3)
    # return_exceptions=True: a call that failed for good comes back as its
    # exception, and the other calls carry on
    results = await asyncio.gather(*(haiku(limit, t) for t in TOPICS), return_exceptions=True)
    for topic, r in zip(TOPICS, results):
        if isinstance(r, RateLimitError):
            print(f"{topic}: still rate limited after 2 retries")
        else:
            print(f"{topic}: {r}")
    print(f"{len(TOPICS)} calls in {time.perf_counter() - start:.1f} s")

asyncio.run(main())
"#,
    },
    Example {
        key: "aiohttp",
        title: "aiohttp: fetch a simulated API",
        code: r#"import asyncio
import aiohttp

# api.example.com is Interleave's simulated API: the requests never leave
# the page, and each one takes 0.2-1.0 s, like a real server.

async def get_user(session, uid):
    async with session.get(f"https://api.example.com/users/{uid}") as resp:
        resp.raise_for_status()
        user = await resp.json()
        return user["name"]

async def main():
    async with aiohttp.ClientSession() as session:
        names = await asyncio.gather(*(get_user(session, uid) for uid in range(1, 6)))
    print(names)

asyncio.run(main())
"#,
    },
    Example {
        key: "httpx",
        title: "httpx: the same with AsyncClient",
        code: r#"import asyncio
import time
import httpx

async def main():
    start = time.perf_counter()
    async with httpx.AsyncClient(base_url="https://api.example.com") as client:
        # five requests at once; the slowest one sets the total time
        responses = await asyncio.gather(*(client.get(f"/posts/{i}") for i in range(1, 6)))
    for r in responses:
        print(r.status_code, r.json()["title"][:30])
    print(f"5 requests in {time.perf_counter() - start:.1f} s")

asyncio.run(main())
"#,
    },
    Example {
        key: "requests",
        title: "requests: a blocking client in async code",
        code: r#"import asyncio
import time
import requests  # a blocking HTTP client, as in many tutorials

URL = "https://api.example.com/posts/{}"

async def fetch_blocking(i):
    r = requests.get(URL.format(i))  # holds the whole loop until its answer comes
    return r.json()["id"]

async def fetch_in_thread(i):
    r = await asyncio.to_thread(requests.get, URL.format(i))  # the loop stays free
    return r.json()["id"]

async def main():
    start = time.perf_counter()
    print(await asyncio.gather(*(fetch_blocking(i) for i in range(1, 4))))
    print(f"requests.get in coroutines: {time.perf_counter() - start:.1f} s, one after another")
    start = time.perf_counter()
    print(await asyncio.gather(*(fetch_in_thread(i) for i in range(1, 4))))
    print(f"requests.get in threads: {time.perf_counter() - start:.1f} s, at the same time")

asyncio.run(main())
"#,
    },
    Example {
        key: "time-sleep",
        title: "The time.sleep mistake",
        code: r#"import asyncio
import time

async def ticker():
    for i in range(6):
        print("tick", i)
        await asyncio.sleep(0.25)

async def slow_step():
    await asyncio.sleep(0.5)
    print("blocking for 1 s...")
    time.sleep(1.0)  # the mistake: holds the whole loop, nothing else runs
    print("...done; await asyncio.sleep(1.0) would have let ticker go on")

async def main():
    await asyncio.gather(ticker(), slow_step())

asyncio.run(main())
"#,
    },
    Example {
        key: "to-thread",
        title: "to_thread: blocking work off the loop",
        code: r#"import asyncio
import time

def read_big_file():  # ordinary blocking code
    time.sleep(1.0)
    return "file contents"

async def ticker():
    for i in range(5):
        print("tick", i)
        await asyncio.sleep(0.25)

async def main():
    # to_thread runs the blocking function in a worker thread,
    # so the loop (and ticker) keep going meanwhile
    data, _ = await asyncio.gather(asyncio.to_thread(read_big_file), ticker())
    print("read:", data)

asyncio.run(main())
"#,
    },
];

/// Every entry of the menu, in order: (key, title, group).
pub fn menu() -> Vec<(String, String, &'static str)> {
    let demos = DEMOS.iter().map(|d| (format!("demo:{}", d.slug()), d.title().to_string(), "From the gallery"));
    let tutorials = TUTORIALS.iter().map(|e| (e.key.to_string(), e.title.to_string(), "Tutorials"));
    tutorials.chain(demos).collect()
}

/// The code of the menu entry `key`: a tutorial, or `demo:<slug>` (its Python, lesson values).
pub fn code(key: &str) -> Option<String> {
    if let Some(slug) = key.strip_prefix("demo:") {
        let demo = crate::demos::find(slug)?;
        return Some(python_with(demo, &Form::defaults(demo.params()).raw));
    }
    TUTORIALS.iter().find(|e| e.key == key).map(|e| e.code.to_string())
}

/// Whether `text` is one of the examples as given (nothing typed into it yet).
pub fn is_example(text: &str) -> bool {
    let text = text.trim_end();
    TUTORIALS.iter().any(|e| e.code.trim_end() == text)
        || DEMOS.iter().any(|d| python_with(*d, &Form::defaults(d.params()).raw).trim_end() == text)
}
