//! The engine's guards against programs that would hurt the page, natively: deep data is
//! dropped without deep native recursion (in the page the native stack is the browser's); and
//! what a program cannot do here (start processes, open sockets or files) fails saying why.
#![cfg(not(target_arch = "wasm32"))]
// A test's helpers may panic: a failed expectation there is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::cell::RefCell;
use std::rc::Rc;

use interleave::python::interp::{Limits, Stream};
use interleave::python::program::{start, Program};
use interleave::runtime::Runtime;

/// The page's counting allocator: the memory cap needs it.
#[global_allocator]
static HEAP: interleave::python::heap::Counting = interleave::python::heap::Counting;

/// Runs `source` to its end with `limits`: what it printed (stdout and stderr) and its status.
fn run(source: &str, limits: Limits) -> (String, i64) {
    let program = Program::compile(source).unwrap();
    let out: Rc<RefCell<String>> = Rc::default();
    let sink = {
        let out = out.clone();
        Rc::new(move |stream: Stream, line: &str| {
            if stream != Stream::Note {
                out.borrow_mut().push_str(&format!("{line}\n"));
            }
        })
    };
    let rt = Runtime::new_virtual();
    let interp = start(&rt, &program, limits, sink);
    rt.run_until_end();
    let status = interp.exit_code.get().unwrap_or(1);
    drop(interp);
    drop(rt);
    let printed = out.borrow().clone();
    (printed, status)
}

fn run_on_small_stack(source: &'static str) -> (String, i64) {
    std::thread::Builder::new()
        .stack_size(512 << 10)
        .spawn(move || run(source, Limits { stack_bytes: 256 << 10, ..Limits::default() }))
        .unwrap()
        .join()
        .expect("no stack overflow")
}

#[test]
fn deeply_nested_data_is_dropped_without_deep_recursion() {
    let (out, status) = run_on_small_stack(
        "x = []\nfor i in range(200000):\n    x = [x, {'k': (x,)}]\ny = None\nfor i in range(200000):\n    y = (y, [y])\ndel x, y\nprint('dropped')\n",
    );
    assert_eq!((out.as_str(), status), ("dropped\n", 0));
}

#[test]
fn repr_of_deep_data_is_a_recursion_error() {
    let (out, _) = run_on_small_stack(
        "x = []\nfor i in range(100000):\n    x = [x]\ntry:\n    print(repr(x))\nexcept RecursionError as e:\n    print('caught:', e)\n",
    );
    assert_eq!(out, "caught: maximum recursion depth exceeded while getting the repr of an object\n");
}

/// Runs `source` with a cap of `memory` bytes on what it builds.
fn run_with_memory_cap(source: &str, memory: usize) -> (String, i64) {
    run(source, Limits { memory_bytes: memory, ..Limits::default() })
}

#[test]
fn many_collections_each_under_the_item_cap_still_meet_the_memory_cap() {
    // A thousand lists of a million items (8+ GB in CPython) are each allowed; all together
    // they pass the cap, and the program gets a MemoryError it can catch, saying why.
    let (out, status) = run_with_memory_cap(
        "try:\n    keep = [[0] * 1_000_000 for _ in range(1000)]\nexcept MemoryError as e:\n    print('caught:', e)\nkeep = None\nprint('and the program goes on:', sum([1] * 1000))\n",
        64 << 20,
    );
    assert_eq!(status, 0, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("caught: the program's values grew past 64 MiB (at line 2)"), "{out}");
    assert_eq!(lines[1], "and the program goes on: 1000");
    // Uncaught, it ends the program with CPython's traceback.
    let (out, status) = run_with_memory_cap("parts = []\nwhile True:\n    parts.append('x' * 1_000_000)\n", 64 << 20);
    assert_eq!(status, 1);
    assert!(out.contains("MemoryError: the program's values grew past 64 MiB (at line 3)"), "{out}");
}

#[test]
fn absurd_ints_are_refused_at_once_and_huge_allowed_ones_stay_quick() {
    // CPython would try each of these for minutes (or until memory runs out); here each raises
    // MemoryError before computing, and the largest allowed operations take well under a second.
    let started = std::time::Instant::now();
    let (out, status) = run(
        "import math\n\
         def attempt(f):\n    try:\n        f()\n        print('ok')\n    except MemoryError as e:\n        print('MemoryError:', str(e).split(' is over')[0])\n\
         def square():\n    x = 3\n    while True:\n        x = x * x\n\
         big = 2 ** 2097000 - 1\n\
         half = 2 ** 1048000 - 3\n\
         for f in [lambda: 2 ** 10 ** 10, lambda: 1 << 10 ** 12, lambda: 10 ** 10 ** 8, square, lambda: big * big,\n\
                   lambda: math.factorial(10 ** 6), lambda: pow(3, half, big), lambda: math.gcd(big, half),\n\
                   lambda: math.isqrt(big), lambda: half * half, lambda: divmod(big, half), lambda: 3 ** 1300000,\n\
                   lambda: math.factorial(100000), lambda: len(hex(big)), lambda: round(big, -600000)]:\n    attempt(f)\n",
        Limits::default(),
    );
    assert_eq!(status, 0, "{out}");
    assert_eq!(
        out,
        "MemoryError: an int of about 10000000000 bits\n\
         MemoryError: an int of about 1099511627776 bits\n\
         MemoryError: an int of about 100000000 bits\n\
         MemoryError: an int of about 3323908 bits\n\
         MemoryError: an int of about 4194000 bits\n\
         MemoryError: an int of about 18488874 bits\n\
         MemoryError: pow() with a modulus on ints of 1048000 and 2097000 bits\n\
         MemoryError: gcd() on ints of 2097000 and 1048000 bits\n\
         MemoryError: isqrt() on ints of 2097000 and 2097000 bits\n\
         ok\nok\nok\nok\nok\nok\n"
    );
    assert!(started.elapsed().as_secs_f64() < 5.0, "took {:?}", started.elapsed());
}

#[test]
fn how_a_program_ended_is_said_even_after_its_output_was_cut() {
    let limits = || Limits { output_bytes: 1000, ..Limits::default() };
    let (out, status) = run("for i in range(500):\n    print('line', i)\nraise ValueError('the end')\n", limits());
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(status, 1);
    assert_eq!(lines.last(), Some(&"ValueError: the end"), "{out}");
    // The first KiB, the cut said, then the last 100 lines printed (what a flood hides most),
    // then the traceback.
    assert_eq!(lines[0], "line 0");
    let cut =
        lines.iter().position(|l| l.starts_with("[Interleave: output past 0 KiB was cut: ")).expect("the cut said");
    assert!(lines[cut].ends_with("more bytes not shown; its last 100 lines follow]"), "{out}");
    assert_eq!(lines[cut + 1], "line 400");
    assert_eq!(lines[cut + 100], "line 499");
    assert_eq!(lines[cut + 101], "Traceback (most recent call last):");
    let (out, status) =
        run("i = 0\nwhile True:\n    print('line', i)\n    i += 1\n", Limits { steps: 100_000, ..limits() });
    let last = out.lines().last().unwrap_or_default();
    assert_eq!(status, 1);
    assert!(!last.starts_with("[Interleave: output past"), "the reason it was stopped comes last: {out}");
    assert!(out.contains("[Interleave: output past 0 KiB was cut: "), "{out}");
}

/// Found by the fuzz test: a slice of a range whose end lies past 64 bits was an overflow (a
/// panic, which aborts the page).
#[test]
fn ranges_near_64_bits_slice_and_test_membership_without_overflowing() {
    let (out, status) = run(
        "r = range(0, 2**63 - 1, 2**62)\n\
         print(list(r[:]), list(r[1:]), 2**63 - 1 in range(-1, 2**63 - 1, 2**62), list(range(-2**62, 2**62, 2**62)[::-1]))\n\
         for f in [lambda: range(0, 10, 2**62)[::4], lambda: range(-2**63, 0, 2**62)[::-1]]:\n    \
             try:\n        print(list(f()))\n    except OverflowError as e:\n        print(e)\n",
        Limits::default(),
    );
    // CPython slices both of the last two: a range of Interleave holds 64-bit ends only.
    assert_eq!(
        (out.as_str(), status),
        (
            "[0, 4611686018427387904] [4611686018427387904] False [0, -4611686018427387904]\n\
             range() takes ints within 64 bits in Interleave (CPython's takes any int)\n\
             range() takes ints within 64 bits in Interleave (CPython's takes any int)\n",
            0
        )
    );
}

/// CPython's rejection loops never end on these (found by the fuzz test): the page, which
/// cannot interrupt a loop in native code, says so instead of freezing for good.
#[test]
fn random_s_distributions_refuse_what_would_loop_forever() {
    let (out, status) = run(
        "import random\n\
         for f in [lambda: random.gammavariate(float('nan'), 1), lambda: random.gammavariate(float('inf'), 1), lambda: random.gammavariate(1e308, 2),\n          \
                   lambda: random.betavariate(11, float('-nan')), lambda: random.vonmisesvariate(0, float('nan'))]:\n    \
             try:\n        f()\n    except ValueError as e:\n        print(e)\n",
        Limits::default(),
    );
    assert_eq!(
        (out.as_str(), status),
        (
            "gammavariate: alpha is nan (CPython would loop forever on it)\n\
             gammavariate: alpha is inf (CPython would loop forever on it)\n\
             gammavariate: alpha is too large (CPython would loop forever on it)\n\
             gammavariate: alpha is nan (CPython would loop forever on it)\n\
             vonmisesvariate: kappa is nan (CPython would loop forever on it)\n",
            0
        )
    );
}

#[test]
fn what_a_program_here_cannot_do_says_why() {
    let (out, status) = run(
        "import asyncio\n\
         async def main():\n    \
             loop = asyncio.get_running_loop()\n    \
             for f in [lambda: asyncio.create_subprocess_exec, lambda: asyncio.subprocess.PIPE,\n              \
                       lambda: asyncio.open_connection, lambda: loop.create_connection,\n              \
                       lambda: asyncio.run_coroutine_threadsafe]:\n        \
                 try:\n            f()\n        except AttributeError as e:\n            print(e)\n    \
             print(hasattr(asyncio, 'start_server'), isinstance(loop, asyncio.AbstractEventLoop))\n\
         asyncio.run(main())\n\
         try:\n    import subprocess\nexcept ModuleNotFoundError as e:\n    print(e)\n\
         try:\n    import socket\nexcept ModuleNotFoundError as e:\n    print(e)\n\
         try:\n    import urllib.request\nexcept ModuleNotFoundError as e:\n    print(e)\n\
         try:\n    import pathlib\nexcept ModuleNotFoundError as e:\n    print(e)\n\
         try:\n    import nosuchmodule\nexcept ModuleNotFoundError as e:\n    print(e)\n",
        Limits::default(),
    );
    assert_eq!(status, 0, "{out}");
    let sockets = "has no sockets. Fetch URLs with aiohttp or httpx (example.com, api.anthropic.com and \
                   api.openai.com answer from the simulated API).";
    assert_eq!(
        out,
        format!(
            "asyncio.create_subprocess_exec is not available in Interleave: a program here cannot start other \
             processes.\n\
             asyncio.subprocess is not available in Interleave: a program here cannot start other processes.\n\
             asyncio.open_connection is not available in Interleave: a program here {sockets}\n\
             loop.create_connection() is not available in Interleave: a program here {sockets}\n\
             asyncio.run_coroutine_threadsafe is not available in Interleave: a thread here runs in a copy of the \
             program, which cannot reach the event loop. Await the coroutine in the loop instead, with what the \
             thread returns.\n\
             False True\n\
             No module named 'subprocess': a program in Interleave cannot start other processes.\n\
             No module named 'socket': a program in Interleave {sockets}\n\
             No module named 'urllib.request': Interleave fetches URLs with aiohttp, httpx or requests (example.com, \
             api.anthropic.com and api.openai.com answer from the simulated API).\n\
             No module named 'pathlib': a program in Interleave has no files. Put the data in the code, or fetch \
             it.\n\
             No module named 'nosuchmodule'\n"
        )
    );
}

#[test]
fn a_stopped_program_runs_no_more_of_any_task() {
    // One task spins past the step budget: the others, ready to go on, run no more of their
    // code (not even `finally:`), and the stop is said once, as how the program ended.
    let source = "import asyncio

async def spin():
    while True:
        pass

async def other():
    try:
        await asyncio.sleep(0)
        print('other ran on')
    finally:
        print('finally ran')

async def main():
    await asyncio.gather(other(), spin(), other())

asyncio.run(main())
";
    let (out, status) = run(source, Limits { steps: 100_000, ..Limits::default() });
    assert_eq!(status, 1);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1, "{out}");
    assert!(lines[0].starts_with("the program took more than 100000 steps (at line "), "{out}");
}

#[test]
fn enumerate_past_64_bits_says_so_instead_of_overflowing() {
    // Found by the fuzzer: the count overflowed (a panic, which aborts the page).
    let (out, status) = run("print(list(enumerate('ab', start=2**63 - 1)))\n", Limits::default());
    assert_eq!(status, 1);
    assert!(out.contains("OverflowError: enumerate() counts within 64 bits in Interleave"), "{out}");
}

#[test]
fn a_busy_loop_with_no_event_loop_is_not_said_to_block_the_loop() {
    // Top-level code runs before any loop: the stop says the program ran too long.
    let limits = Limits { loop_budget_secs: 0.2, ..Limits::default() };
    let (out, status) = run("n = 0\nwhile True:\n    n += 1\n", limits);
    assert_eq!(status, 1);
    assert!(
        out.starts_with("the program ran for 0 s at line ")
            && out.ends_with(" without stopping: Interleave stopped it (the budget is 0.2 s)\n"),
        "{out}"
    );
}

#[test]
fn a_busy_task_is_said_to_block_the_loop() {
    let limits = Limits { loop_budget_secs: 0.2, ..Limits::default() };
    let (out, status) =
        run("import asyncio\nasync def main():\n    while True:\n        pass\nasyncio.run(main())\n", limits);
    assert_eq!(status, 1);
    assert!(
        out.starts_with("the loop was blocked for 0 s at line 3: Interleave stopped the program (the budget is 0.2 s)"),
        "{out}"
    );
}
