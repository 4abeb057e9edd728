//! Python programs for fuzz tests: ~30 realistic asyncio programs as seeds, and a seeded
//! generator that mutates them the ways people and editors break code: characters and Python
//! tokens inserted, deleted and duplicated, programs spliced together, lines re-indented (with
//! tabs too), runs of brackets and operators, any Unicode (bidi controls, zero-width and
//! non-breaking spaces, NUL, `\r`), truncation.
//!
//! Reproducible: the same seed gives the same inputs (`fastrand`). Used by the parser's fuzz test
//! and meant for the interpreter's.

/// Seed programs: what the page's users write.
pub(crate) const SEEDS: [&str; 31] = [
    "import asyncio\n\nasync def main():\n    print('hello')\n    await asyncio.sleep(1)\n    print('world')\n\nasyncio.run(main())\n",
    "import asyncio\n\nasync def fetch(i):\n    await asyncio.sleep(0.1 * i)\n    return i * 2\n\nasync def main():\n    results = await asyncio.gather(*(fetch(i) for i in range(5)))\n    print(results)\n\nasyncio.run(main())\n",
    "import asyncio\n\nasync def worker(name, queue):\n    while True:\n        item = await queue.get()\n        print(f'{name} got {item}')\n        queue.task_done()\n\nasync def main():\n    queue = asyncio.Queue()\n    for i in range(10):\n        queue.put_nowait(i)\n    tasks = [asyncio.create_task(worker(f'w{n}', queue)) for n in range(3)]\n    await queue.join()\n    for t in tasks:\n        t.cancel()\n    await asyncio.gather(*tasks, return_exceptions=True)\n\nasyncio.run(main())\n",
    "import asyncio\n\nasync def slow():\n    await asyncio.sleep(10)\n\nasync def main():\n    try:\n        await asyncio.wait_for(slow(), timeout=1.0)\n    except asyncio.TimeoutError:\n        print('timed out')\n\nasyncio.run(main())\n",
    "import asyncio\n\nsem = asyncio.Semaphore(2)\n\nasync def limited(i):\n    async with sem:\n        print(f'start {i}')\n        await asyncio.sleep(0.5)\n        print(f'end {i}')\n\nasync def main():\n    await asyncio.gather(*[limited(i) for i in range(6)])\n\nasyncio.run(main())\n",
    "import asyncio\n\nasync def ticker(n):\n    for i in range(n):\n        yield i\n        await asyncio.sleep(0.1)\n\nasync def main():\n    async for value in ticker(5):\n        print(value)\n\nasyncio.run(main())\n",
    "import asyncio\nimport time\n\nasync def main():\n    start = time.perf_counter()\n    await asyncio.gather(asyncio.sleep(1), asyncio.sleep(2))\n    print(f'took {time.perf_counter() - start:.1f} s')\n\nasyncio.run(main())\n",
    "import asyncio\n\nasync def fails():\n    raise ValueError('boom')\n\nasync def main():\n    results = await asyncio.gather(fails(), asyncio.sleep(1, result='ok'), return_exceptions=True)\n    for r in results:\n        if isinstance(r, Exception):\n            print('error:', r)\n        else:\n            print('value:', r)\n\nasyncio.run(main())\n",
    "import asyncio\n\nclass Counter:\n    def __init__(self):\n        self.value = 0\n        self.lock = asyncio.Lock()\n\n    async def increment(self):\n        async with self.lock:\n            current = self.value\n            await asyncio.sleep(0)\n            self.value = current + 1\n\nasync def main():\n    c = Counter()\n    await asyncio.gather(*(c.increment() for _ in range(100)))\n    print(c.value)\n\nasyncio.run(main())\n",
    "import asyncio\n\nasync def waiter(event):\n    print('waiting')\n    await event.wait()\n    print('done waiting')\n\nasync def main():\n    event = asyncio.Event()\n    task = asyncio.create_task(waiter(event))\n    await asyncio.sleep(1)\n    event.set()\n    await task\n\nasyncio.run(main())\n",
    "import asyncio\n\nasync def job(i):\n    await asyncio.sleep(3 - i)\n    return i\n\nasync def main():\n    for coro in asyncio.as_completed([job(i) for i in range(3)]):\n        print(await coro)\n\nasyncio.run(main())\n",
    "import asyncio\n\nasync def main():\n    async with asyncio.TaskGroup() as tg:\n        t1 = tg.create_task(asyncio.sleep(1, result=1))\n        t2 = tg.create_task(asyncio.sleep(2, result=2))\n    print(t1.result() + t2.result())\n\nasyncio.run(main())\n",
    "import asyncio\n\nasync def forever():\n    try:\n        while True:\n            await asyncio.sleep(0.1)\n    except asyncio.CancelledError:\n        print('cancelled')\n        raise\n    finally:\n        print('cleanup')\n\nasync def main():\n    task = asyncio.create_task(forever())\n    await asyncio.sleep(0.5)\n    task.cancel()\n    try:\n        await task\n    except asyncio.CancelledError:\n        pass\n\nasyncio.run(main())\n",
    "import asyncio\nimport time\n\ndef blocking():\n    time.sleep(1)\n    return 'done'\n\nasync def main():\n    result = await asyncio.to_thread(blocking)\n    print(result)\n\nasyncio.run(main())\n",
    "import asyncio\n\nasync def main():\n    loop = asyncio.get_running_loop()\n    fut = loop.create_future()\n    loop.call_later(1, fut.set_result, 42)\n    print(await fut)\n\nasyncio.run(main())\n",
    "import asyncio\nimport aiohttp\n\nasync def fetch(session, url):\n    async with session.get(url) as response:\n        return await response.json()\n\nasync def main():\n    urls = [f'https://example.com/users/{i}' for i in range(1, 4)]\n    async with aiohttp.ClientSession() as session:\n        users = await asyncio.gather(*(fetch(session, u) for u in urls))\n    for user in users:\n        print(user['name'])\n\nasyncio.run(main())\n",
    "import asyncio\nfrom dataclasses import dataclass\n\n@dataclass\nclass Order:\n    id: int\n    total: float = 0.0\n\nasync def process(order: Order) -> str:\n    await asyncio.sleep(order.total / 100)\n    return f'order {order.id}: {order.total:>8.2f}'\n\nasync def main() -> None:\n    orders = [Order(i, i * 12.5) for i in range(1, 5)]\n    for line in await asyncio.gather(*map(process, orders)):\n        print(line)\n\nasyncio.run(main())\n",
    "import asyncio\n\ndef make_counter():\n    count = 0\n    async def bump():\n        nonlocal count\n        count += 1\n        await asyncio.sleep(0)\n        return count\n    return bump\n\nasync def main():\n    bump = make_counter()\n    print([await bump() for _ in range(3)])\n\nasyncio.run(main())\n",
    "import asyncio\n\nasync def handle(cmd):\n    match cmd.split():\n        case ['sleep', secs]:\n            await asyncio.sleep(float(secs))\n            return 'slept'\n        case ['echo', *words]:\n            return ' '.join(words)\n        case _:\n            return 'unknown'\n\nasync def main():\n    for c in ['echo hi there', 'sleep 0.1', 'jump']:\n        print(await handle(c))\n\nasyncio.run(main())\n",
    "import asyncio\n\nasync def producer(q, n):\n    for i in range(n):\n        await q.put(i)\n        print(f'put {i}')\n    await q.put(None)\n\nasync def consumer(q):\n    while (item := await q.get()) is not None:\n        print(f'got {item}')\n\nasync def main():\n    q = asyncio.Queue(maxsize=2)\n    await asyncio.gather(producer(q, 5), consumer(q))\n\nasyncio.run(main())\n",
    "import asyncio\n\nasync def main():\n    tasks = {asyncio.create_task(asyncio.sleep(i / 10, result=i)) for i in range(5)}\n    done, pending = await asyncio.wait(tasks, timeout=0.25)\n    print(sorted(t.result() for t in done), len(pending))\n    for t in pending:\n        t.cancel()\n\nasyncio.run(main())\n",
    "import asyncio\nimport random\n\nrandom.seed(1)\n\nasync def flaky(i):\n    await asyncio.sleep(random.random())\n    if random.random() < 0.3:\n        raise RuntimeError(f'task {i} failed')\n    return i\n\nasync def main():\n    results = await asyncio.gather(*(flaky(i) for i in range(5)), return_exceptions=True)\n    ok = [r for r in results if not isinstance(r, BaseException)]\n    print(f'{len(ok)} of {len(results)} succeeded')\n\nasyncio.run(main())\n",
    "import asyncio\n\nasync def retry(coro_fn, attempts=3, delay=0.1):\n    for attempt in range(1, attempts + 1):\n        try:\n            return await coro_fn()\n        except ConnectionError as exc:\n            print(f'attempt {attempt} failed: {exc!r}')\n            await asyncio.sleep(delay * 2 ** attempt)\n    raise RuntimeError('gave up')\n\nasync def main():\n    async def call():\n        raise ConnectionError('no route')\n    try:\n        await retry(call)\n    except RuntimeError as e:\n        print(e)\n\nasyncio.run(main())\n",
    "import asyncio\n\nasync def main():\n    print('start')\n    coro = asyncio.sleep(1)\n    # Forgot to await: the coroutine never runs.\n    asyncio.sleep(1)\n    await coro\n    print('end')\n\nasyncio.run(main())\n",
    "import asyncio\n\nasync def stage(name, delay, inbox, outbox):\n    while True:\n        item = await inbox.get()\n        if item is None:\n            await outbox.put(None)\n            break\n        await asyncio.sleep(delay)\n        await outbox.put(f'{item}>{name}')\n\nasync def main():\n    a, b, c = asyncio.Queue(), asyncio.Queue(), asyncio.Queue()\n    workers = [asyncio.create_task(stage('x', 0.1, a, b)), asyncio.create_task(stage('y', 0.2, b, c))]\n    for i in range(3):\n        await a.put(i)\n    await a.put(None)\n    while (out := await c.get()) is not None:\n        print(out)\n    await asyncio.gather(*workers)\n\nasyncio.run(main())\n",
    "import asyncio\n\nclass Resource:\n    async def __aenter__(self):\n        print('open')\n        return self\n\n    async def __aexit__(self, *exc):\n        print('close')\n        return False\n\nasync def main():\n    async with Resource() as r, Resource():\n        print(type(r).__name__)\n\nasyncio.run(main())\n",
    "import asyncio\n\nasync def main():\n    data = {'a': [1, 2, 3], 'b': {'c': (4, 5)}}\n    squares = {k: [x ** 2 for x in v] for k, v in data.items() if isinstance(v, list)}\n    total = sum(x for xs in squares.values() for x in xs)\n    print(squares, total, data['b']['c'][-1], data['a'][::2])\n    await asyncio.sleep(0)\n\nasyncio.run(main())\n",
    "import asyncio\nimport functools\n\ndef logged(fn):\n    @functools.wraps(fn)\n    async def wrapper(*args, **kwargs):\n        print(f'calling {fn.__name__}')\n        result = await fn(*args, **kwargs)\n        print(f'{fn.__name__} returned {result}')\n        return result\n    return wrapper\n\n@logged\nasync def add(a, b=2, *, c=3):\n    await asyncio.sleep(0)\n    return a + b + c\n\nasyncio.run(add(1, c=4))\n",
    "import asyncio\n\nasync def heartbeat():\n    n = 0\n    while True:\n        n += 1\n        print('beat', n)\n        await asyncio.sleep(0.2)\n\nasync def main():\n    hb = asyncio.create_task(heartbeat())\n    await asyncio.sleep(1)\n    hb.cancel()\n    results = await asyncio.gather(hb, return_exceptions=True)\n    print(type(results[0]).__name__)\n\nif __name__ == '__main__':\n    asyncio.run(main())\n",
    "import asyncio\nimport anthropic\n\nclient = anthropic.AsyncAnthropic()\n\nasync def ask(question: str) -> str:\n    message = await client.messages.create(\n        model='claude-sonnet-4-5',\n        max_tokens=100,\n        messages=[{'role': 'user', 'content': question}],\n    )\n    return message.content[0].text\n\nasync def main():\n    answers = await asyncio.gather(ask('What is asyncio?'), ask('Why await?'))\n    for a in answers:\n        print(a[:40], '...' if len(a) > 40 else '')\n\nasyncio.run(main())\n",
    // Keys whose __hash__ and __eq__ read and change the dicts and sets being probed.
    "import asyncio\n\nregistry = {}\nseen = set()\n\nclass Key:\n    def __init__(self, n):\n        self.n = n\n    def __hash__(self):\n        seen.add(len(registry))\n        return self.n % 3\n    def __eq__(self, other):\n        registry.pop('x', None)\n        seen.discard(str(self.n))\n        return isinstance(other, Key) and other.n == self.n\n\nasync def main():\n    for i in range(6):\n        registry[Key(i)] = {Key(i), i}\n        seen.update([Key(i), i])\n        registry['x'] = seen ^ {Key(i % 2)}\n    await asyncio.sleep(0)\n    print(len(registry), Key(1) in registry, sorted(k.n for k in registry if k != 'x'), len(seen | {Key(2)}))\n\nasyncio.run(main())\n",
];

/// Python tokens worth inserting: the ones whose absence or excess breaks programs.
const TOKENS: [&str; 64] = [
    "async ",
    "await ",
    "def ",
    "class ",
    "lambda",
    "yield ",
    "return ",
    "if ",
    "else",
    "elif ",
    "for ",
    "while ",
    "with ",
    "try:",
    "except",
    "finally:",
    "import ",
    "from ",
    "as ",
    "in ",
    "not ",
    "and ",
    "or ",
    "is ",
    "None",
    "True",
    "pass",
    "break",
    "continue",
    "global ",
    "nonlocal ",
    "match ",
    "case ",
    ":",
    ";",
    ",",
    ".",
    "=",
    "==",
    ":=",
    "->",
    "**",
    "*",
    "@",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "'",
    "\"",
    "'''",
    "\"\"\"",
    "f'{",
    "f\"{",
    "}'",
    "\\",
    "#",
    "\n",
    "\t",
    "    ",
    "print ",
    "0x",
];

/// Characters that matter to a Python tokenizer, and some that trip people up.
const CHARS: [char; 40] = [
    ' ', '\t', '\n', '\r', '\x0c', '\0', '\\', '#', '\'', '"', '(', ')', '[', ']', '{', '}', ':', ';', ',', '.', '=',
    '_', '0', '9', 'x', 'é', '€', '“', '”', '\u{a0}', '\u{200b}', '\u{202e}', '\u{2066}', '\u{2069}', '\u{200f}',
    '\u{feff}', '😀', '\u{301}', '\u{7f}', '$',
];

/// An endless, reproducible stream of mutated programs.
pub(crate) struct Inputs {
    rng: fastrand::Rng,
}

impl Inputs {
    pub(crate) fn new(seed: u64) -> Self {
        Inputs { rng: fastrand::Rng::with_seed(seed) }
    }

    fn seed(&mut self) -> &'static str {
        SEEDS[self.rng.usize(..SEEDS.len())]
    }

    /// A char boundary of `s`, uniformly over its bytes.
    fn boundary(&mut self, s: &str) -> usize {
        let mut at = self.rng.usize(..=s.len());
        while !s.is_char_boundary(at) {
            at -= 1;
        }
        at
    }

    /// A random range of `s` of at most `max` bytes, on char boundaries.
    fn range(&mut self, s: &str, max: usize) -> (usize, usize) {
        let start = self.boundary(s);
        let mut end = (start + self.rng.usize(..=max)).min(s.len());
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        (start, end.max(start))
    }

    fn any_char(&mut self) -> char {
        match self.rng.u8(..4) {
            0 => CHARS[self.rng.usize(..CHARS.len())],
            1 => char::from_u32(self.rng.u32(..0x80)).unwrap_or('?'),
            2 => char::from_u32(self.rng.u32(0x80..0x3000)).unwrap_or('?'),
            _ => char::from_u32(self.rng.u32(..0x11_0000)).unwrap_or('\u{fffd}'),
        }
    }

    fn mutate(&mut self, program: &mut String) {
        match self.rng.u8(..13) {
            0 => {
                let at = self.boundary(program);
                let c = self.any_char();
                program.insert(at, c);
            }
            1 => {
                let (start, end) = self.range(program, 12);
                program.replace_range(start..end, "");
            }
            2 => {
                let (start, end) = self.range(program, 40);
                let copy = program[start..end].to_string();
                let at = self.boundary(program);
                program.insert_str(at, &copy);
            }
            3 => {
                // Splice: the start of this program and the end of another.
                let other = self.seed();
                let cut = self.boundary(program);
                let from = self.boundary(other);
                program.truncate(cut);
                program.push_str(&other[from..]);
            }
            4 | 5 => {
                let at = self.boundary(program);
                let token = TOKENS[self.rng.usize(..TOKENS.len())];
                program.insert_str(at, token);
            }
            6 => self.reindent(program),
            7 => {
                // A run of brackets, openers or closers.
                let at = self.boundary(program);
                let bracket = ["(", "[", "{", ")", "]", "}", "f'{", "'}"][self.rng.usize(..8)];
                let run = bracket.repeat(self.rng.usize(1..60));
                program.insert_str(at, &run);
            }
            8 => {
                // A long run of something that nests: up to past every limit.
                let at = self.boundary(program);
                let piece = [
                    "- ",
                    "not ",
                    "await ",
                    "lambda: ",
                    "x if y else ",
                    ".a",
                    "()",
                    "[0]",
                    "**2",
                    "+1",
                    "(",
                    "[",
                    "f\"{",
                ][self.rng.usize(..13)];
                let run = piece.repeat(self.rng.usize(1..400));
                program.insert_str(at, &run);
            }
            9 => {
                let cut = self.boundary(program);
                program.truncate(cut);
            }
            10 => {
                // Swap two lines, or duplicate one.
                let mut lines: Vec<&str> = program.split_inclusive('\n').collect();
                if lines.len() > 1 {
                    let (a, b) = (self.rng.usize(..lines.len()), self.rng.usize(..lines.len()));
                    if self.rng.bool() {
                        lines.swap(a, b);
                    } else {
                        lines.insert(a, lines[b]);
                    }
                    *program = lines.concat();
                }
            }
            11 => {
                let at = self.boundary(program);
                let c = self.any_char();
                let run: String = std::iter::repeat_n(c, self.rng.usize(1..8)).collect();
                program.insert_str(at, &run);
            }
            _ => {
                // Line endings: Windows, old Mac, or none at the end.
                *program = match self.rng.u8(..3) {
                    0 => program.replace('\n', "\r\n"),
                    1 => program.replace('\n', "\r"),
                    _ => program.trim_end_matches('\n').to_string(),
                };
            }
        }
    }

    /// Changes one line's indentation: more, less, or tabs.
    fn reindent(&mut self, program: &mut String) {
        let mut lines: Vec<String> = program.split_inclusive('\n').map(str::to_string).collect();
        if lines.is_empty() {
            return;
        }
        let i = self.rng.usize(..lines.len());
        let line = &mut lines[i];
        let body = line.trim_start_matches([' ', '\t']).to_string();
        let indent = match self.rng.u8(..4) {
            0 => String::new(),
            1 => " ".repeat(self.rng.usize(1..13)),
            2 => "\t".repeat(self.rng.usize(1..4)),
            _ => format!("{}\t", " ".repeat(self.rng.usize(0..8))),
        };
        *line = indent + &body;
        *program = lines.concat();
    }
}

impl Iterator for Inputs {
    type Item = String;

    /// A seed with one to four mutations (one in twenty is left whole).
    fn next(&mut self) -> Option<String> {
        let mut program = self.seed().to_string();
        if self.rng.u8(..20) != 0 {
            for _ in 0..self.rng.usize(1..=4) {
                self.mutate(&mut program);
            }
        }
        Some(program)
    }
}
