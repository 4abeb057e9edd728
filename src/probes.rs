//! Measurements and counters exported to JavaScript: the benchmark command (`scripts/bench`)
//! times these beside plain `Promise.all` + `setTimeout` in the same page, and the end-to-end
//! tests read what is left running after Stop, reruns and leaving a demo.

use wasm_bindgen::prelude::*;

use crate::aio::{coro, gather, run, sleep};
use crate::model::percentile;
use crate::runtime::{now_ms, Runtime};
use crate::trace::{EventKind, Recorder, TaskId, WakeCause, DEFAULT_EVENT_CAP};

/// Milliseconds for `gather` of `n` tasks that each `await sleep(0)`, from creating the run to
/// its end; `traced` keeps every event, otherwise the recorder keeps none.
#[wasm_bindgen]
pub async fn bench_gather(n: u32, traced: bool) -> f64 {
    let recorder = if traced { Recorder::default() } else { Recorder::with_limits(0, 0) };
    let start = now_ms();
    let rt = Runtime::new_browser(recorder);
    let main = run(
        &rt,
        coro("main", async move {
            let tasks = (0..n).map(|_| {
                coro("t", async {
                    sleep(0.0).await?;
                    Ok(())
                })
            });
            gather(tasks).await.map(|v| v.len() as u32)
        }),
    );
    let done = main.await;
    let took = now_ms() - start;
    if done != Ok(n) {
        return f64::NAN;
    }
    took
}

/// Timer lateness on an idle loop: `samples` sleeps of `ms`, one after another. Returns
/// `[p50, p99, max]` in milliseconds.
#[wasm_bindgen]
pub async fn bench_lateness(samples: u32, ms: f64) -> Vec<f64> {
    let rt = Runtime::new_browser(Recorder::default());
    let main = run(
        &rt,
        coro("main", async move {
            for _ in 0..samples {
                sleep(ms / 1000.0).await?;
            }
            Ok(())
        }),
    );
    let _ = main.await;
    let mut late: Vec<u64> = rt
        .trace()
        .events()
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::Wake { cause: WakeCause::Timer { due } } => Some(e.time.saturating_sub(due)),
            _ => None,
        })
        .collect();
    late.sort_unstable();
    let ms = |v: Option<u64>| v.map_or(f64::NAN, |us| us as f64 / 1000.0);
    vec![ms(percentile(&late, 50)), ms(percentile(&late, 99)), ms(late.last().copied())]
}

/// Fills a default recorder with 1.2M events (a fifth of them carrying a line of text) and
/// returns `[events kept, events dropped, recorder bytes, wasm memory growth in bytes]`.
#[wasm_bindgen]
pub fn bench_recorder_memory() -> Vec<f64> {
    let before = wasm_memory_bytes();
    let mut rec = Recorder::default();
    for i in 0..(DEFAULT_EVENT_CAP as u64 * 6 / 5) {
        let kind = if i % 5 == 0 {
            EventKind::Print { text: rec.text(&format!("line {i}: some printed output")) }
        } else {
            EventKind::PollStart
        };
        rec.record(i, TaskId((i % 1000) as u32), kind);
    }
    let grown = wasm_memory_bytes() - before;
    vec![rec.events().len() as f64, rec.dropped() as f64, rec.memory_bytes() as f64, grown]
}

/// Milliseconds to make each gallery picture (the demo's run on the virtual clock with the
/// lesson's values, drawn in both themes), in gallery order; a demo without a picture takes
/// none. The gallery makes them after its first paint; the e2e tests report these figures.
#[wasm_bindgen]
pub fn bench_gallery_pictures() -> Vec<f64> {
    crate::demos::DEMOS
        .iter()
        .map(|demo| {
            let start = now_ms();
            let _ = crate::session::picture::picture(*demo);
            now_ms() - start
        })
        .collect()
}

fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map_or(0.0, |m| m.buffer().dyn_into::<js_sys::ArrayBuffer>().map_or(0.0, |b| b.byte_length() as f64))
}

/// What is left running, for tests after Stop, reruns and leaving a demo:
/// `{"runs":…,"tasks":…,"timers":…,"fetches":…,"workers":…,"wasm_bytes":…}`.
#[wasm_bindgen]
pub fn interleave_counters() -> String {
    let (runs, tasks, timers) = crate::runtime::leftovers();
    format!(
        r#"{{"runs":{runs},"tasks":{tasks},"timers":{timers},"fetches":{},"workers":{},"wasm_bytes":{}}}"#,
        crate::aio::open_fetches(),
        crate::aio::busy_workers(),
        wasm_memory_bytes()
    )
}

/// For the end-to-end tests of the error banner: arms a real panic with `message` at `place`,
/// `"render"` (the demo page's next render) or `"click"` (the next click on Run, inside its
/// handler), so the tests see what a bug there would do to the built site. Nothing on the page
/// calls it. False, and nothing armed, for another place.
#[wasm_bindgen]
pub fn interleave_arm_panic(place: &str, message: String) -> bool {
    use crate::view::{arm_panic, Tripwire};
    let place = match place {
        "render" => Tripwire::Render,
        "click" => Tripwire::Click,
        _ => return false,
    };
    arm_panic(place, message);
    true
}

/// Parses `source` as a Python program (`python::parse::parse`) and sums the result up on one
/// line: `ok: N statements`, or `error: K errors; line L: message` with the error CPython would
/// report. The benchmark times it on a 100-line program.
#[wasm_bindgen]
pub fn parse_probe(source: &str) -> String {
    match crate::python::parse::parse(source) {
        Ok(module) => format!("ok: {} statements", module.body.len()),
        Err(errors) => match errors.first() {
            Some(first) => format!("error: {} errors; line {}: {}", errors.len(), first.line, first.message),
            None => "error: 0 errors".to_string(),
        },
    }
}

/// Compiles `source` as the engine does before running it (`Program::compile`: parse, then lower
/// to the IR) and runs nothing: `ok: N code objects`, or `error: line L: message`. The benchmark
/// times it beside `parse_probe` and `python_probe` to split a program's start into parsing,
/// lowering and running.
#[wasm_bindgen]
pub fn python_compile_probe(source: &str) -> String {
    match crate::python::program::Program::compile(source) {
        Ok(p) => format!("ok: {} code objects", p.codes.len()),
        Err(e) => format!("error: line {}: {}", e.line, e.message),
    }
}

/// Runs `source` on the engine on a virtual clock, here and now, and returns what it printed
/// (stdout, then stderr) and its exit status on the last line. The benchmark times programs with
/// it; the tests find how deep a program may recurse in this browser.
#[wasm_bindgen]
pub fn python_probe(source: &str) -> String {
    use crate::python::program::{run_to_end, Program};
    match Program::compile(source) {
        Ok(p) => {
            let out = run_to_end(&p, crate::python::interp::Limits::default());
            format!("{}{}status {}", out.stdout, out.stderr, out.status)
        }
        Err(e) => format!("{}status 1", e.report),
    }
}
