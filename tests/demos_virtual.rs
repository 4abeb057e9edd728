//! Every demo of the gallery, run on the virtual clock with the lesson's defaults (and each of
//! its presets): the outcome the lesson promises, exactly. A demo is tested by being listed.
#![cfg(not(target_arch = "wasm32"))]

use interleave::demos::params::Form;
use interleave::demos::{find, Demo, Facts, DEMOS};
use interleave::model::{warnings, RunModel, WarnKind};
use interleave::runtime::{Phase, Runtime};

mod support;

struct Ran {
    rt: Runtime,
    model: RunModel,
    result: Result<String, String>,
    explain: String,
}

impl Ran {
    fn prints(&self) -> Vec<(f64, String)> {
        support::prints(&self.rt)
    }

    fn lines(&self) -> Vec<String> {
        support::lines(&self.rt)
    }

    fn secs(&self) -> f64 {
        support::secs(&self.rt)
    }

    fn warns(&self) -> Vec<WarnKind> {
        warnings(&self.model, &self.rt.trace()).into_iter().map(|w| w.kind).collect()
    }
}

fn run_form(demo: &dyn Demo, form: &Form) -> Ran {
    let params = form.params().expect("valid parameters");
    let rt = Runtime::new_virtual();
    let main = interleave::aio::run(&rt, demo.main(&params));
    rt.run_until_end();
    let mut model = RunModel::default();
    model.ingest(&rt.trace());
    let explain = demo.explain(&params, &Facts { model: &model, trace: &rt.trace(), frames: None });
    let result = main.outcome().expect("main ended").map(|r| r.0).map_err(|e| interleave::aio::PyRepr::py_repr(&e));
    Ran { rt, model, result, explain }
}

fn run_demo(slug: &str, changes: &[(&str, &str)]) -> Ran {
    let demo = find(slug).unwrap_or_else(|| panic!("no demo {slug}"));
    let mut form = Form::defaults(demo.params());
    for (key, value) in changes {
        let i = demo.params().iter().position(|p| p.key == *key).expect("known key");
        form.raw[i] = value.to_string();
    }
    run_form(demo, &form)
}

#[test]
fn every_demo_and_preset_runs_to_its_end() {
    for demo in DEMOS {
        let mut forms = vec![Form::defaults(demo.params())];
        for preset in demo.presets() {
            let mut form = Form::defaults(demo.params());
            for (key, value) in preset.values {
                let i = demo.params().iter().position(|p| p.key == *key).unwrap();
                form.raw[i] = value.to_string();
            }
            forms.push(form);
        }
        for form in forms {
            let ran = run_form(*demo, &form);
            assert_eq!(ran.rt.phase(), Phase::Finished, "{} {:?}", demo.slug(), form.raw);
            assert_eq!(ran.rt.live_tasks(), 0);
            assert_eq!(ran.rt.pending_timers(), 0);
            assert!(!ran.explain.is_empty());
        }
    }
}

#[test]
fn hello_returns_after_the_sleep_inside_one_task() {
    let ran = run_demo("hello", &[]);
    assert_eq!(ran.result, Ok("'user 1: Alice'".into()));
    assert_eq!(ran.secs(), 1.0);
    assert_eq!(ran.lines(), vec!["Fetching data...", "Data fetched!", "Result: user 1: Alice"]);
    assert_eq!(ran.model.lanes.len(), 1);
}

#[test]
fn sequential_takes_the_sum_and_gather_the_longest() {
    let ran = run_demo("sequential-vs-gather", &[]);
    assert_eq!(ran.prints(), vec![(2.0, "gathered: 2.00 s".into()), (6.0, "one by one: 6.00 s".into())]);
    assert!(ran.explain.contains("3.0× faster"), "{}", ran.explain);
}

#[test]
fn create_task_prints_in_asyncio_order_and_takes_the_longer() {
    let ran = run_demo("create-task", &[]);
    assert_eq!(
        ran.prints(),
        vec![
            (0.0, "Doing other work...".into()),
            (0.0, "Background job started".into()),
            (1.0, "Other work done; now waiting for the task".into()),
            (2.0, "Background job finished".into()),
            (2.0, "Got: job result".into()),
        ]
    );
}

#[test]
fn wait_for_times_out_at_the_timeout_or_returns_in_time() {
    let ran = run_demo("wait-for", &[]);
    assert_eq!(ran.result, Ok("'timed out'".into()));
    assert_eq!(ran.secs(), 5.0);
    assert_eq!(ran.lines(), vec!["slow operation started", "Timed out!"]);
    assert!(ran.warns().contains(&WarnKind::TimedOut));
    let ran = run_demo("wait-for", &[("duration", "3.0")]);
    assert_eq!(ran.result, Ok("'done'".into()));
    assert_eq!(ran.secs(), 3.0);
}

#[test]
fn queue_items_are_processed_in_order_and_consumers_stop() {
    let ran = run_demo("queue", &[]);
    let processed: Vec<String> = ran.lines().into_iter().filter(|l| l.contains("processing")).collect();
    assert_eq!(processed, (1..=5).map(|i| format!("consumer 1 processing {i}")).collect::<Vec<_>>());
    assert!(ran.lines().contains(&"consumer 1 stops".to_string()));

    let ran = run_demo("queue", &[("variant", "task_done/join"), ("consumers", "3"), ("items", "9")]);
    assert_eq!(ran.lines().last().map(String::as_str), Some("all items processed"));
    assert_eq!(ran.lines().iter().filter(|l| l.contains("processing")).count(), 9);
}

#[test]
fn a_full_queue_holds_the_producer_back() {
    let ran = run_demo("queue", &[("items", "8"), ("delay", "0.1"), ("work", "0.8"), ("maxsize", "2")]);
    assert!(ran.explain.contains("back-pressure"), "{}", ran.explain);
    // The producer cannot get ahead of the consumer by more than the queue holds (+1 in hand).
    let produced_8 = ran.prints().into_iter().find(|(_, l)| l == "produced 8").unwrap().0;
    assert!(produced_8 > 3.0, "produced 8 at {produced_8}");
}

#[test]
fn the_semaphore_caps_calls_in_flight() {
    let ran = run_demo("semaphore", &[]);
    let peak = ran.model.held.iter().flat_map(|(_, s)| s.iter().map(|&(_, n)| n)).max();
    assert_eq!(peak, Some(5));
    assert!(ran.explain.starts_with("At most 5 calls were in flight (limit 5)"), "{}", ran.explain);
    let ran = run_demo("semaphore", &[("calls", "10"), ("limit", "3")]);
    assert_eq!(ran.model.held.iter().flat_map(|(_, s)| s.iter().map(|&(_, n)| n)).max(), Some(3));
}

#[test]
fn fail_fast_raises_early_while_the_rest_finish() {
    let ran = run_demo("return-exceptions", &[]);
    assert_eq!(
        ran.prints(),
        vec![
            (0.8, "gather raised ValueError('call 1 failed'); the other calls keep running".into()),
            (2.0, "4 calls succeeded after all".into()),
        ]
    );
    assert!(!ran.warns().contains(&WarnKind::NeverRetrieved));
}

#[test]
fn return_exceptions_lists_every_outcome_in_place() {
    let ran = run_demo("return-exceptions", &[("variant", "return_exceptions=True")]);
    assert_eq!(
        ran.lines(),
        vec![
            "OK 0: result 0",
            "Failed 1: ValueError('call 1 failed')",
            "OK 2: result 2",
            "Failed 3: ValueError('call 3 failed')",
            "OK 4: result 4",
            "OK 5: result 5",
        ]
    );
    assert!(ran.warns().contains(&WarnKind::Swallowed));
}

#[test]
fn a_forgotten_await_runs_nothing_and_is_reported() {
    let ran = run_demo("forgot-await", &[]);
    assert_eq!(
        ran.lines(),
        vec!["broken(): returned (nothing was saved)", "saved bob", "fixed(): returned after saving"]
    );
    assert_eq!(ran.secs(), 1.0);
    assert!(ran.warns().contains(&WarnKind::NeverAwaited));
}

#[test]
fn blocking_makes_the_tickers_late_and_the_fix_does_not() {
    let ran = run_demo("blocking", &[]);
    assert!(ran.warns().contains(&WarnKind::BlockedLoop));
    assert!(ran.model.worst_lateness() >= 1_500_000);
    let fixed = run_demo("blocking", &[("variant", "await asyncio.sleep (fixed)")]);
    assert!(!fixed.warns().contains(&WarnKind::BlockedLoop));
    assert_eq!(fixed.model.worst_lateness(), 0);
}

#[test]
fn to_thread_returns_the_count() {
    let ran = run_demo("to-thread", &[("variant", "to_thread"), ("n", "100000")]);
    assert_eq!(ran.result, Ok("'9592'".into()));
    assert!(ran.lines().contains(&"9592 primes below 100000".to_string()));
}

#[test]
fn llm_batch_retries_and_returns_every_answer_or_failure() {
    let ran = run_demo("llm-batch", &[]);
    let answered = ran.lines().iter().filter(|l| l.contains(": summary of") || l.contains(": FAILED")).count();
    assert_eq!(answered, 12);
    assert!(ran.lines().iter().any(|l| l.ends_with("retrying")), "the lesson's seed shows a retry");
    let peak = ran.model.held.iter().flat_map(|(_, s)| s.iter().map(|&(_, n)| n)).max();
    assert_eq!(peak, Some(4));
}

#[test]
fn io_bound_jobs_take_the_same_time_on_the_loop_and_in_threads() {
    let ran = run_demo("threads-vs-loop", &[]);
    assert_eq!(ran.lines(), vec!["on the loop: 1.00 s", "in workers: 1.00 s"]);
}

#[test]
fn as_completed_hands_results_over_in_finishing_order() {
    let ran = run_demo("as-completed", &[]);
    assert_eq!(ran.result, Ok("['B done', 'A done', 'C done']".into()));
    assert_eq!(ran.prints()[0], (0.5, "0.50 s: B done".into()));
}

#[test]
fn a_cancelled_task_stops_at_its_await_and_cleans_up() {
    let ran = run_demo("cancel", &[]);
    assert_eq!(ran.result, Ok("True".into()));
    assert_eq!(
        ran.prints(),
        vec![
            (0.0, "step 1".into()),
            (1.0, "step 2".into()),
            (2.0, "step 3".into()),
            (2.5, "worker: cleaning up".into()),
            (2.5, "main: the task was cancelled".into()),
        ]
    );
}

/// Every demo's Python, as the page shows it (defaults, each preset and each variant), run by
/// CPython: the Rust twin must print the same lines and return the same value. Skipped when
/// `python3` is not installed; demos whose Python needs the network or real CPU time are
/// compared by the Python engine's tests instead.
#[test]
fn every_demo_prints_and_returns_what_its_python_does_under_cpython() {
    if std::process::Command::new("python3").arg("--version").output().is_err() {
        eprintln!("python3 is not installed: skipping");
        return;
    }
    let mut cases = Vec::new();
    for demo in DEMOS {
        let mut forms = vec![Form::defaults(demo.params())];
        for preset in demo.presets() {
            let mut form = Form::defaults(demo.params());
            for (key, value) in preset.values {
                let i = demo.params().iter().position(|p| p.key == *key).unwrap();
                form.raw[i] = value.to_string();
            }
            forms.push(form);
        }
        for form in forms {
            cases.push((*demo, form));
        }
    }
    let mut mismatches = Vec::new();
    let cases: Vec<_> = cases
        .into_iter()
        .filter(|(demo, _)| !["fetch", "to-thread", "threads-vs-loop"].contains(&demo.slug()))
        .collect();
    // Two CPython runs at a time: more on a two-core machine makes their timers late enough
    // to reorder what they print.
    for batch in cases.chunks(2) {
        let children: Vec<_> = batch
            .iter()
            .map(|(demo, form)| {
                let python = interleave::demos::python_with(*demo, &form.raw);
                let Some(body) = python.trim_end().strip_suffix("asyncio.run(main())") else {
                    panic!("{}: the Python should end with asyncio.run(main())", demo.slug());
                };
                let program = format!("{body}print('__returned__', repr(asyncio.run(main())))\n");
                std::process::Command::new("python3")
                    .arg("-c")
                    .arg(program)
                    .stdout(std::process::Stdio::piped())
                    .spawn()
                    .expect("python3 runs")
            })
            .collect();
        for ((demo, form), child) in batch.iter().zip(children) {
            let ran = run_form(*demo, form);
            let rust_returned = ran.result.clone().ok();
            let rust_lines: Vec<String> = ran.lines().iter().map(|l| coarse_times(l)).collect();
            let read = |out: std::process::Output| {
                let stdout = String::from_utf8_lossy(&out.stdout).to_string();
                let mut lines: Vec<String> = stdout.lines().map(coarse_times).collect();
                let returned = lines.pop().and_then(|l| l.strip_prefix("__returned__ ").map(str::to_string));
                (lines, returned)
            };
            let (mut python_lines, mut returned) = read(child.wait_with_output().expect("python3 finishes"));
            // Some programs (llm-batch's shared random generator) print in an order that
            // CPython's own real-time timers decide when two sleeps end within a millisecond:
            // the twin must print one of the orders CPython prints, so try CPython again.
            for _ in 0..4 {
                if rust_lines == python_lines && rust_returned == returned {
                    break;
                }
                let python = interleave::demos::python_with(*demo, &form.raw);
                let body = python.trim_end().strip_suffix("asyncio.run(main())").unwrap_or_default();
                let program = format!("{body}print('__returned__', repr(asyncio.run(main())))\n");
                let out = std::process::Command::new("python3").arg("-c").arg(program).output().expect("python3 runs");
                (python_lines, returned) = read(out);
            }
            if rust_lines != python_lines || rust_returned != returned {
                mismatches.push(format!(
                    "{} {:?}\n  python: {python_lines:?} -> {returned:?}\n  rust:   {:?} -> {rust_returned:?}",
                    demo.slug(),
                    form.raw,
                    ran.lines()
                ));
            }
        }
    }
    assert!(mismatches.is_empty(), "demos that differ from CPython:\n{}", mismatches.join("\n"));
}

/// CPython's real clock runs a little past the virtual one (`6.01 s` for six 1-second sleeps):
/// times printed with two decimals are compared to one.
fn coarse_times(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(i) = rest.find(|c: char| c.is_ascii_digit()) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let end = tail.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(tail.len());
        let number = &tail[..end];
        match number.split_once('.') {
            Some((_, decimals)) if decimals.len() == 2 => {
                out.push_str(&format!("{:.1}", number.parse::<f64>().unwrap_or(0.0)));
            }
            _ => out.push_str(number),
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}
