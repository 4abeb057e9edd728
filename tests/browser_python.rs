//! Python programs on the engine in real browsers (Chrome and Firefox via wasm-pack test): real
//! timers, real fetch, `to_thread` in a real Web Worker. Times are checked with tolerances.
// A test's helpers may panic: a failed expectation there is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::future::TimeoutFuture;
use interleave::model::{describe, RunModel};
use interleave::python::interp::{Limits, Stream};
use interleave::python::program::{start, Program};
use interleave::runtime::Runtime;
use interleave::trace::Recorder;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

struct Ran {
    stdout: String,
    stderr: String,
    notes: String,
    status: i64,
    ms: f64,
    /// The step list's sentences, as the page shows them.
    steps: Vec<String>,
    /// Most tasks waiting on a timer, a request or a worker at once.
    peak_in_flight: u32,
}

/// Runs `source` on the browser's event loop until the program ends (at most `limit_ms`).
async fn run(source: &str, limit_ms: u32) -> Ran {
    let program = Program::compile(source).expect("the program compiles");
    let out: Rc<RefCell<[String; 3]>> = Rc::default();
    let sink = {
        let out = out.clone();
        Rc::new(move |stream: Stream, line: &str| {
            let i = match stream {
                Stream::Stdout => 0,
                Stream::Stderr => 1,
                Stream::Note => 2,
            };
            let mut o = out.borrow_mut();
            o[i].push_str(line);
            o[i].push('\n');
        })
    };
    let rt = Runtime::new_browser(Recorder::default());
    let started = js_sys::Date::now();
    let interp = start(&rt, &program, Limits::default(), sink);
    let mut waited = 0;
    while interp.exit_code.get().is_none() && waited < limit_ms {
        TimeoutFuture::new(20).await;
        waited += 20;
    }
    let ms = js_sys::Date::now() - started;
    let status = interp.exit_code.get().expect("the program ended in time");
    let [stdout, stderr, notes] = out.take();
    let mut model = RunModel::default();
    model.ingest(&rt.trace());
    let steps = model.steps.iter().map(|s| describe::step(s, &model, &rt.trace())).collect();
    let peak_in_flight = interleave::model::metrics(&model).peak_in_flight;
    Ran { stdout, stderr, notes, status, ms, steps, peak_in_flight }
}

#[wasm_bindgen_test]
async fn gather_of_sleeps_takes_the_longest_not_the_sum() {
    let ran = run(
        "import asyncio\n\
         async def work(n, d):\n    await asyncio.sleep(d)\n    print('done', n)\n    return n * 2\n\
         async def main():\n    print(await asyncio.gather(work(1, 0.3), work(2, 0.1), work(3, 0.2)))\n\
         asyncio.run(main())\n",
        5000,
    )
    .await;
    assert_eq!(ran.stdout, "done 2\ndone 3\ndone 1\n[2, 4, 6]\n");
    assert_eq!(ran.status, 0);
    assert!((290.0..700.0).contains(&ran.ms), "took {} ms, expected ~300 (not 600)", ran.ms);
}

#[wasm_bindgen_test]
async fn an_uncaught_exception_prints_cpythons_traceback() {
    let ran = run("def f(x):\n    return 1 / x\nf(0)\n", 2000).await;
    assert_eq!(ran.status, 1);
    assert_eq!(
        ran.stderr,
        "Traceback (most recent call last):\n  File \"main.py\", line 3, in <module>\n    f(0)\n  File \"main.py\", line 2, in f\n    return 1 / x\nZeroDivisionError: division by zero\n"
    );
}

#[wasm_bindgen_test]
async fn deep_recursion_is_a_recursion_error_not_a_crash() {
    let ran = run(
        "def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError as e:\n    print('caught:', e)\n",
        5000,
    )
    .await;
    assert_eq!(ran.stdout, "caught: maximum recursion depth exceeded\n");
}

#[wasm_bindgen_test]
async fn aiohttp_and_httpx_fetch_the_test_page_for_real() {
    // The page the test runs in, served on loopback by the test runner.
    let url = web_sys::window().unwrap().location().href().unwrap();
    let source = format!(
        "import asyncio, aiohttp, httpx\n\
         async def main():\n    async with aiohttp.ClientSession() as s:\n        async with s.get({url:?}) as r:\n            text = await r.text()\n            print(r.status, '<html' in text.lower())\n    async with httpx.AsyncClient() as c:\n        r = await c.get({url:?})\n        print(r.status_code, len(r.text) == len(text))\n\
         asyncio.run(main())\n"
    );
    let ran = run(&source, 10_000).await;
    assert_eq!(ran.stderr, "");
    assert_eq!(ran.stdout, "200 True\n200 True\n");
}

#[wasm_bindgen_test]
async fn to_thread_sleeps_in_a_worker_while_the_loop_ticks() {
    let ran = run(
        "import asyncio, time\n\
         def slow(n):\n    time.sleep(0.5)\n    print('slow done')\n    return n * n\n\
         async def ticker():\n    for i in range(4):\n        await asyncio.sleep(0.1)\n        print('tick', i)\n\
         async def main():\n    r, _ = await asyncio.gather(asyncio.to_thread(slow, 7), ticker())\n    print(r)\n\
         asyncio.run(main())\n",
        15_000,
    )
    .await;
    assert_eq!(ran.stderr, "");
    // The loop ticks while the worker sleeps: all four ticks come before the thread's answer.
    assert_eq!(ran.stdout, "tick 0\ntick 1\ntick 2\ntick 3\nslow done\n49\n");
    assert!(ran.notes.contains("copy of the program"), "the page says that to_thread copies: {:?}", ran.notes);
    assert!(ran.ms >= 490.0, "the worker slept 0.5 s, the run took {} ms", ran.ms);
    // The thread's lane ends with what the function returned (it said None).
    assert!(
        ran.steps.iter().any(|s| s == "thread: slow(7) runs to the end, returns 49"),
        "the thread's step: {:?}",
        ran.steps
    );
    // The worker is one wait (the thread's lane), beside the ticker's timer: the task awaiting
    // to_thread waits on that lane, not on the worker again (it counted twice).
    assert_eq!(ran.peak_in_flight, 2);
}
