//! Slow motion on real timers (Chrome and Firefox via wasm-pack test): at a speed, every wait
//! lasts its length divided by the speed in real time and reads its own length on the run's
//! clock; what a program prints does not change. Real times are checked with tolerances that
//! hold on a loaded machine: a real timer may fire late, never early.
// A test's helpers may panic: a failed expectation there is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::future::TimeoutFuture;
use interleave::aio::*;
use interleave::python::interp::{Limits, Stream};
use interleave::python::program::{start, Program};
use interleave::runtime::{now_ms, Runtime, Speed};
use interleave::trace::{EventKind, Micros, Recorder, Wait, WakeCause};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn at(factor: f64) -> Runtime {
    Runtime::new_browser_at(Recorder::default(), Speed::new(factor).unwrap())
}

/// The one sleep's timer on the run's clock (µs): when it was set, for how long, and when it
/// fired.
fn the_timer(rt: &Runtime) -> (Micros, Micros, Micros) {
    let trace = rt.trace();
    let (due, dur) = trace
        .events()
        .iter()
        .find_map(|e| match e.kind {
            EventKind::PollEnd { wait: Some(Wait::Timer { due, dur, .. }) } => Some((due, dur)),
            _ => None,
        })
        .expect("the task waited on a timer");
    let fired = trace
        .events()
        .iter()
        .find_map(|e| match e.kind {
            EventKind::Wake { cause: WakeCause::Timer { due: d } } if d == due => Some(e.time),
            _ => None,
        })
        .expect("the timer woke the task");
    (due - dur, dur, fired)
}

/// Runs one `sleep(secs)` at `factor`: the real ms it took and the run's clock at its end (µs).
async fn one_sleep(factor: f64, secs: f64) -> (f64, Micros, Runtime) {
    let rt = at(factor);
    let started = now_ms();
    let main = run(&rt, coro("main", async move { sleep(secs).await }));
    main.await.unwrap();
    let took = now_ms() - started;
    let clock = rt.now();
    (took, clock, rt)
}

#[wasm_bindgen_test]
async fn at_half_speed_a_100_ms_sleep_lasts_200_ms_and_reads_100() {
    let (took, clock, rt) = one_sleep(0.5, 0.1).await;
    assert!(took >= 190.0, "a 100 ms sleep at 0.5× took {took} ms of real time");
    let (set, dur, fired) = the_timer(&rt);
    assert_eq!(dur, 100_000, "the timer waits 100 ms of the program's time");
    // Late only by what the browser adds (halved on this clock); generous for a loaded machine.
    let waited = fired - set;
    assert!((100_000..160_000).contains(&waited), "the sleep read {waited} µs of the program's time");
    // The run's clock is half the real time gone by (it started a hair after `took` did).
    assert!(
        (clock as f64) <= took * 500.0 + 1_000.0,
        "the run's clock read {clock} µs after {took} ms of real time at 0.5×"
    );
}

#[wasm_bindgen_test]
async fn at_four_times_a_400_ms_sleep_is_over_well_before_400_ms() {
    let (took, clock, rt) = one_sleep(4.0, 0.4).await;
    assert!(took < 300.0, "a 400 ms sleep at 4× took {took} ms of real time (about 100 expected)");
    let (set, dur, fired) = the_timer(&rt);
    assert_eq!(dur, 400_000);
    assert!(fired - set >= 400_000, "the sleep read {} µs: its timer fired early", fired - set);
    assert!(clock >= 400_000, "the run's clock read {clock} µs: the sleep took 400 ms of its time");
    assert!(
        (clock as f64) <= took * 4_000.0 + 4_000.0,
        "the run's clock read {clock} µs after {took} ms of real time at 4×"
    );
}

#[wasm_bindgen_test]
async fn a_run_at_normal_speed_is_the_browser_clock() {
    assert_eq!(Runtime::new_browser(Recorder::default()).speed(), Speed::NORMAL);
    let (took, clock, _) = one_sleep(1.0, 0.1).await;
    assert!(took >= 99.0, "a 100 ms sleep took {took} ms");
    assert!(clock >= 100_000 && (clock as f64) <= took * 1000.0 + 2_000.0, "clock {clock} µs, real {took} ms");
}

struct Ran {
    stdout: String,
    stderr: String,
    ms: f64,
    rt: Runtime,
}

/// Runs `source` on the engine at `factor` until it ends (at most `limit_ms` of real time).
async fn python(source: &str, factor: f64, limit_ms: u32) -> Ran {
    python_with(source, factor, limit_ms, Limits::default()).await
}

async fn python_with(source: &str, factor: f64, limit_ms: u32, limits: Limits) -> Ran {
    let program = Program::compile(source).expect("the program compiles");
    let out: Rc<RefCell<[String; 2]>> = Rc::default();
    let sink = {
        let out = out.clone();
        Rc::new(move |stream: Stream, line: &str| {
            let mut o = out.borrow_mut();
            let i = usize::from(stream != Stream::Stdout);
            if stream != Stream::Note {
                o[i].push_str(line);
                o[i].push('\n');
            }
        })
    };
    let rt = at(factor);
    let started = now_ms();
    let interp = start(&rt, &program, limits, sink);
    let mut waited = 0;
    while interp.exit_code.get().is_none() && waited < limit_ms {
        TimeoutFuture::new(10).await;
        waited += 10;
    }
    let ms = now_ms() - started;
    assert!(interp.exit_code.get().is_some(), "the program ended in time");
    let [stdout, stderr] = out.take();
    Ran { stdout, stderr, ms, rt }
}

/// Waits of every kind, with the program's own clock read around them: `asyncio.sleep`, a
/// simulated request, a blocking `time.sleep` that holds the loop, and a ticker that is late
/// for it. The printed lines are the same at every speed (CPython prints them too); the times
/// are checked against the program's own seconds (0.1 s of request, 0.37 s in all), with room
/// for a loaded machine's late timers, and would be 4× too long on a real-time clock at 0.25×.
const WAITS: &str = r#"import asyncio, time, aiohttp

async def ticker():
    for i in range(2):
        await asyncio.sleep(0.05)
        print('tick', i)

async def blocker():
    await asyncio.sleep(0.02)
    time.sleep(0.2)
    print('blocked')

async def main():
    t0 = time.monotonic()
    async with aiohttp.ClientSession() as s:
        async with s.get('https://example.com/delay/0.1') as r:
            print('status', r.status)
    print('request', 0.1 <= time.monotonic() - t0 < 0.35)
    await asyncio.gather(ticker(), blocker())
    print('total', 0.37 <= time.monotonic() - t0 < 1.0)

asyncio.run(main())
"#;

const WAITS_OUT: &str = "status 200\nrequest True\nblocked\ntick 0\ntick 1\ntotal True\n";

#[wasm_bindgen_test]
async fn a_program_prints_the_same_at_a_quarter_speed_and_its_waits_last_4x_longer() {
    let normal = python(WAITS, 1.0, 10_000).await;
    assert_eq!((normal.stdout.as_str(), normal.stderr.as_str()), (WAITS_OUT, ""));
    let slow = python(WAITS, 0.25, 20_000).await;
    assert_eq!((slow.stdout.as_str(), slow.stderr.as_str()), (WAITS_OUT, ""), "the same lines at 0.25×");
    // 0.1 s of request, 0.02 s, a 0.2 s hold and the late tick's 0.05 s: 0.37 s of the
    // program's time, 1.48 s of real time at 0.25×.
    assert!(slow.ms >= 1_450.0, "at 0.25× the program took {} ms of real time", slow.ms);
    assert!(slow.ms >= normal.ms * 2.5, "0.25× took {} ms, 1× {} ms", slow.ms, normal.ms);
    // The blocking sleep holds the loop 0.2 s on the program's clock, whatever the speed.
    let holds: Vec<Micros> = slow
        .rt
        .trace()
        .events()
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::Blocking { dur, .. } => Some(dur),
            _ => None,
        })
        .collect();
    assert_eq!(holds, [200_000]);
}

#[wasm_bindgen_test]
async fn a_time_sleep_in_a_worker_lasts_its_length_on_the_runs_clock() {
    // Without slow motion in the worker, its 0.3 s of real sleep would read 0.15 s at 0.5×.
    let ran = python(
        "import asyncio, time\n\
         async def main():\n    t0 = time.monotonic()\n    await asyncio.to_thread(time.sleep, 0.3)\n    print(time.monotonic() - t0 >= 0.3)\n\
         asyncio.run(main())\n",
        0.5,
        20_000,
    )
    .await;
    assert_eq!((ran.stdout.as_str(), ran.stderr.as_str()), ("True\n", ""));
    assert!(ran.ms >= 590.0, "0.3 s in a worker at 0.5× took {} ms of real time", ran.ms);
}

#[wasm_bindgen_test]
async fn the_loop_budget_counts_a_blocking_sleep_as_its_own_length_at_every_speed() {
    // Two 0.2 s holds fit a 0.5 s budget, a third does not: at 0.25× each spins 0.8 s of real
    // time, and still the same two fit.
    let source = "import time\nfor i in range(3):\n    time.sleep(0.2)\n    print('slept', i)\n";
    let limits = Limits { loop_budget_secs: 0.5, ..Limits::default() };
    for factor in [1.0, 0.25] {
        let ran = python_with(source, factor, 10_000, limits.clone()).await;
        assert_eq!(ran.stdout, "slept 0\nslept 1\n", "at {factor}×");
        assert!(
            ran.stderr.contains("time.sleep(0.2) at line 3 would hold the program past the budget of 0.5 s"),
            "at {factor}×: {}",
            ran.stderr
        );
    }
}
