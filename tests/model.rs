//! The model, from hand-written event sequences: segments, step order, metrics and each warning,
//! with the edge cases (zero-length polls, dropped events, a run stopped midway).
// A test's helpers may panic: a failed expectation there is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(not(target_arch = "wasm32"))]

use interleave::demos::params::Form;
use interleave::demos::Facts;
use interleave::model::describe::{self, duration, step};
use interleave::model::{
    metrics, metrics_at, warnings, what_happened, Block, Ending, RunEnd, RunModel, State, WarnKind,
};
use interleave::runtime::Runtime;
use interleave::trace::{BlockingCall, CancelledBy, EventKind as E, Micros, Recorder, TaskId, Wait, WakeCause};

/// Builds a recording by hand.
struct Script {
    rec: Recorder,
}

impl Script {
    fn new() -> Self {
        Script { rec: Recorder::default() }
    }

    fn with_cap(cap: usize) -> Self {
        Script { rec: Recorder::with_limits(cap, 1 << 20) }
    }

    fn spawn(&mut self, t: Micros, id: u32, parent: Option<u32>, name: &str) -> &mut Self {
        let name = self.rec.text(name);
        self.at(t, id, E::Spawn { parent: parent.map(TaskId), name })
    }

    fn at(&mut self, t: Micros, id: u32, kind: E) -> &mut Self {
        self.rec.record(t, TaskId(id), kind);
        self
    }

    fn poll(&mut self, from: Micros, to: Micros, id: u32, wait: Option<Wait>) -> &mut Self {
        self.at(from, id, E::PollStart).at(to, id, E::PollEnd { wait })
    }

    fn done(&mut self, t: Micros, id: u32, value: &str) -> &mut Self {
        let value = self.rec.text(value);
        self.at(t, id, E::Done { value })
    }

    fn failed(&mut self, t: Micros, id: u32, error: &str) -> &mut Self {
        let error = self.rec.text(error);
        self.at(t, id, E::Failed { error })
    }

    fn model(&self) -> RunModel {
        let mut m = RunModel::default();
        m.ingest(&self.rec);
        m
    }

    fn warning_kinds(&self) -> Vec<WarnKind> {
        warnings(&self.model(), &self.rec).into_iter().map(|w| w.kind).collect()
    }
}

fn timer(due: Micros, dur: Micros) -> Option<Wait> {
    Some(Wait::Timer { due, dur, whole: false })
}

fn states(m: &RunModel, id: usize) -> Vec<(Micros, Option<Micros>, String)> {
    m.lanes[id].segments.iter().map(|s| (s.start, s.end, format!("{:?}", s.state))).collect()
}

#[test]
fn a_late_timer_splits_waiting_late_and_ready() {
    let mut s = Script::new();
    s.spawn(0, 0, None, "main")
        .poll(0, 10, 0, timer(1_000, 990))
        .at(1_500, 0, E::Wake { cause: WakeCause::Timer { due: 1_000 } })
        .poll(1_700, 1_800, 0, None)
        .done(1_800, 0, "None")
        .at(1_800, 0, E::RunEnd);
    let m = s.model();
    assert_eq!(
        states(&m, 0),
        vec![
            (0, Some(0), "Scheduled".into()),
            (0, Some(10), "Running".into()),
            (10, Some(1_000), "Waiting(Timer { due: 1000, dur: 990, whole: false })".into()),
            (1_000, Some(1_500), "Late".into()),
            (1_500, Some(1_700), "Scheduled".into()),
            (1_700, Some(1_800), "Running".into()),
        ]
    );
    assert_eq!(m.lanes[0].state_at(1_200), Some(State::Late));
    assert_eq!(m.lanes[0].state_at(1_600), Some(State::Scheduled));
    assert_eq!(m.lanes[0].state_at(1_900), None, "ended");
    assert_eq!(m.lateness, vec![(1_500, 500)]);
    assert_eq!(m.end, Some((1_800, RunEnd::Finished)));
}

#[test]
fn zero_length_polls_are_kept_as_steps_and_segments() {
    let mut s = Script::new();
    s.spawn(0, 0, None, "main").poll(5, 5, 0, Some(Wait::Yield)).poll(5, 5, 0, None).done(5, 0, "1");
    let m = s.model();
    assert_eq!(m.steps.len(), 2);
    assert!(m.steps.iter().all(|st| st.start == st.end));
    let running = m.lanes[0].segments.iter().filter(|seg| seg.state == State::Running).count();
    assert_eq!(running, 2);
    // A yield is ready again at once: no waiting segment between the two polls.
    assert!(!m.lanes[0].segments.iter().any(|seg| matches!(seg.state, State::Waiting(_))));
    let x = metrics(&m);
    assert_eq!((x.polls, x.busy, x.elapsed), (2, 0, 5));
}

#[test]
fn step_order_reads_like_the_program() {
    let mut s = Script::new();
    s.spawn(0, 0, None, "main()").spawn(0, 1, Some(0), "A").spawn(0, 2, Some(0), "B");
    let what = s.rec.text("gather");
    s.poll(0, 1, 0, Some(Wait::Many { what, pending: 2 }))
        .poll(1, 2, 1, timer(1_000_001, 1_000_000))
        .poll(2, 3, 2, timer(500_002, 500_000))
        .at(500_002, 2, E::Wake { cause: WakeCause::Timer { due: 500_002 } })
        .poll(500_002, 500_010, 2, None)
        .done(500_010, 2, "'B done'");
    let m = s.model();
    let words: Vec<String> = m.steps.iter().map(|st| step(st, &m, &s.rec)).collect();
    assert_eq!(
        words,
        vec![
            "main() runs until gather (2 left)",
            "A runs until sleep(1.0)",
            "B runs until sleep(0.5)",
            "B runs to the end, returns 'B done'",
        ]
    );
    assert_eq!(m.lanes[1].depth, 1);
    assert_eq!(describe::task_name(&m, TaskId(2)), "B");
}

#[test]
fn metrics_add_up_the_waits_and_find_the_peak() {
    // Three tasks sleeping 1.0, 0.5, 1.5 s from t=0 (the gather lesson), main waiting on them.
    let mut s = Script::new();
    s.spawn(0, 0, None, "main");
    for (id, d) in [(1, 1_000_000), (2, 500_000), (3, 1_500_000)] {
        s.spawn(0, id, Some(0), "t").poll(0, 0, id, timer(d, d));
    }
    for (id, d) in [(2, 500_000), (1, 1_000_000), (3, 1_500_000)] {
        s.at(d, id, E::Wake { cause: WakeCause::Timer { due: d } }).poll(d, d, id, None).done(d, id, "x");
    }
    s.at(1_500_000, 0, E::RunEnd);
    let x = metrics(&s.model());
    assert_eq!(x.elapsed, 1_500_000);
    assert_eq!(x.io_waits, 3_000_000);
    assert_eq!(x.speedup, 2.0);
    assert_eq!(x.peak_in_flight, 3);
    assert_eq!((x.lateness_p50, x.lateness_p99), (Some(0), Some(0)));
    assert_eq!(x.tasks, 4);
}

#[test]
fn a_long_poll_warns_of_a_blocked_loop_and_short_ones_do_not() {
    let mut s = Script::new();
    s.spawn(0, 0, None, "blocker").poll(0, 2_000_000, 0, None).done(2_000_000, 0, "None");
    assert_eq!(s.warning_kinds(), vec![WarnKind::BlockedLoop]);
    let text = &warnings(&s.model(), &s.rec)[0].text;
    assert!(text.starts_with("The loop was blocked for 2.00 s by blocker"), "{text}");

    let mut quiet = Script::new();
    quiet.spawn(0, 0, None, "main");
    for i in 0..100 {
        quiet.poll(i * 100_000, i * 100_000 + 40_000, 0, Some(Wait::Yield));
    }
    assert!(quiet.warning_kinds().is_empty(), "40 ms polls are not a blocked loop");
}

#[test]
fn a_time_sleep_stopped_part_way_blocked_only_until_then() {
    // main calls time.sleep(4) at 0.5 s; Stop ends its step at 1.74 s.
    let mut s = Script::new();
    s.spawn(0, 0, None, "main()").at(500_000, 0, E::PollStart).at(
        500_000,
        0,
        E::Blocking { dur: 4_000_000, call: BlockingCall::Sleep },
    );
    s.at(1_740_000, 0, E::PollEnd { wait: None }).at(1_740_000, 0, E::Cancelled { by: CancelledBy::Stop });
    let m = s.model();
    assert_eq!(m.blocks, vec![Block { at: 500_000, dur: 1_240_000, task: TaskId(0), call: BlockingCall::Sleep }]);
    let said: Vec<String> = m.log.iter().map(|l| describe::log_line(l, &m, &s.rec)).collect();
    assert!(said.contains(&"blocked the whole loop for 1.24 s".to_string()), "{said:?}");
}

#[test]
fn a_coroutine_never_awaited_is_reported_with_its_name() {
    let mut s = Script::new();
    // The toolbox records the coroutine function's name, as Python's warning shows it.
    let name = s.rec.text("save");
    s.spawn(0, 0, None, "main()").at(0, 0, E::NeverAwaited { name });
    let w = warnings(&s.model(), &s.rec);
    assert_eq!(w.len(), 1);
    assert!(
        w[0].text.starts_with("RuntimeWarning: coroutine 'save' was never awaited. It was created in task main()"),
        "{}",
        w[0].text
    );
}

#[test]
fn an_exception_nobody_retrieved_is_reported_once_the_run_ends() {
    let mut s = Script::new();
    s.spawn(0, 0, None, "main").spawn(0, 1, Some(0), "job").poll(0, 1, 1, None).failed(1, 1, "ValueError('x')");
    assert!(s.warning_kinds().is_empty(), "not before the run has ended");
    s.at(10, 0, E::RunEnd);
    assert_eq!(s.warning_kinds(), vec![WarnKind::NeverRetrieved]);
    // The recording cannot tell whether a handler given to `loop.set_exception_handler` got
    // the exception, so the sentence must not say that nobody noticed it.
    let text = &warnings(&s.model(), &s.rec)[0].text;
    assert!(
        text.starts_with("Task exception was never retrieved: job raised ValueError('x') and no task awaited it")
            && text.contains("the loop's exception handler")
            && !text.contains("unnoticed"),
        "{text}"
    );

    let mut awaited = Script::new();
    awaited
        .spawn(0, 0, None, "main")
        .spawn(0, 1, Some(0), "job")
        .poll(0, 1, 1, None)
        .failed(1, 1, "ValueError('x')")
        .at(2, 0, E::Retrieved { task: TaskId(1) })
        .at(10, 0, E::RunEnd);
    assert!(awaited.warning_kinds().is_empty());
}

#[test]
fn swallowed_exceptions_are_listed() {
    let mut s = Script::new();
    s.spawn(0, 0, None, "main").spawn(0, 1, Some(0), "call(1)").failed(5, 1, "ValueError('call 1 failed')");
    s.at(6, 0, E::Swallowed { task: TaskId(1) });
    let w = warnings(&s.model(), &s.rec);
    assert_eq!(w.iter().map(|w| w.kind).collect::<Vec<_>>(), vec![WarnKind::Swallowed]);
    assert!(w[0].text.contains("call(1) → ValueError('call 1 failed')"), "{}", w[0].text);
}

#[test]
fn a_timeout_names_what_it_cancelled() {
    let mut s = Script::new();
    s.spawn(0, 0, None, "main()").spawn(0, 1, Some(0), "slow_operation()").at(
        5_000_000,
        1,
        E::Cancelled { by: CancelledBy::Timeout(TaskId(0)) },
    );
    let w = warnings(&s.model(), &s.rec);
    assert_eq!(w[0].kind, WarnKind::TimedOut);
    assert!(
        w[0].text.contains("A timeout fired in main() at 5.000 s: slow_operation() was cancelled"),
        "{}",
        w[0].text
    );
}

#[test]
fn pending_at_the_end_warns_after_a_finish_but_not_after_stop() {
    let mut s = Script::new();
    s.spawn(0, 0, None, "main").spawn(0, 1, Some(0), "leftover");
    s.poll(0, 1, 1, timer(9_000_000, 9_000_000)).done(1_000_000, 0, "None");
    s.at(1_000_000, 1, E::Cancelled { by: CancelledBy::RunEnd }).at(1_000_000, 0, E::RunEnd);
    assert_eq!(s.warning_kinds(), vec![WarnKind::PendingAtEnd]);

    let mut stopped = Script::new();
    stopped.spawn(0, 0, None, "main").spawn(0, 1, Some(0), "worker");
    stopped.poll(0, 1, 1, timer(9_000_000, 9_000_000));
    stopped.at(400, 0, E::Cancelled { by: CancelledBy::Stop }).at(400, 1, E::Cancelled { by: CancelledBy::Stop });
    stopped.at(400, 0, E::RunEnd);
    let m = stopped.model();
    assert_eq!(m.end, Some((400, RunEnd::Stopped)));
    assert!(stopped.warning_kinds().is_empty());
    // Stopped midway: every segment is closed at the stop.
    assert!(m.lanes.iter().all(|l| l.segments.iter().all(|seg| seg.end.is_some_and(|e| e <= 400))));
    assert!(matches!(m.lanes[1].ending, Some((400, Ending::Cancelled { by: CancelledBy::Stop }))));
}

#[test]
fn a_stuck_run_is_explained() {
    let mut s = Script::new();
    let q = s.rec.text("queue");
    s.spawn(0, 0, None, "main").poll(0, 1, 0, Some(Wait::QueueGet { queue: q })).at(1, 0, E::Stuck);
    s.at(1, 0, E::Cancelled { by: CancelledBy::RunEnd }).at(1, 0, E::RunEnd);
    assert_eq!(s.model().end, Some((1, RunEnd::Stuck)));
    assert_eq!(s.warning_kinds(), vec![WarnKind::Stuck]);
}

#[test]
fn dropped_events_are_counted_and_the_model_stays_consistent() {
    let mut s = Script::with_cap(5);
    s.spawn(0, 0, None, "main");
    for i in 0..10 {
        s.poll(i * 10, i * 10 + 1, 0, Some(Wait::Yield));
    }
    s.at(200, 0, E::RunEnd);
    let m = s.model();
    assert_eq!(m.dropped, 17);
    assert_eq!(m.steps.len(), 2);
    assert_eq!(m.end, None, "the end was dropped, so the run is not shown as over");
    assert!(warnings(&m, &s.rec).is_empty());
}

#[test]
fn ingesting_in_pieces_equals_ingesting_at_once() {
    let mut s = Script::new();
    s.spawn(0, 0, None, "main").spawn(0, 1, Some(0), "a").poll(0, 1, 1, timer(10, 9));
    let mut live = RunModel::default();
    live.ingest(&s.rec);
    s.at(10, 1, E::Wake { cause: WakeCause::Timer { due: 10 } }).poll(12, 13, 1, None).done(13, 1, "1");
    live.ingest(&s.rec);
    let whole = s.model();
    assert_eq!(live.lanes.len(), whole.lanes.len());
    assert_eq!(states(&live, 1), states(&whole, 1));
    assert_eq!(live.steps, whole.steps);
}

/// Runs a demo to its end on the virtual clock with a recorder of `cap` events; returns the
/// run's true length (the clock, which never drops anything), the model and the summary.
fn run_with_cap(slug: &str, values: &[(&str, &str)], cap: usize) -> (Micros, RunModel, String) {
    let demo = interleave::demos::find(slug).expect("a demo of the gallery");
    let mut form = Form::defaults(demo.params());
    for (key, value) in values {
        let i = demo.params().iter().position(|p| p.key == *key).expect("a key of the demo");
        form.raw[i] = value.to_string();
    }
    let params = form.params().expect("valid values");
    let rt = Runtime::new_virtual_with(Recorder::with_limits(cap, 1 << 20));
    let main = interleave::aio::run(&rt, interleave::demos::twin(demo.slug()).expect("a twin").main(&params));
    rt.run_until_end();
    assert!(main.outcome().is_some_and(|o| o.is_ok()), "the run itself went to its end");
    let mut m = RunModel::default();
    m.ingest(&rt.trace());
    let text = demo.explain(&params, &Facts { model: &m, trace: &rt.trace(), frames: None });
    (rt.now(), m, text)
}

#[test]
fn a_summary_from_a_cut_recording_says_so_and_never_passes_its_part_for_the_whole() {
    let queue = [("items", "2000"), ("delay", "0.001"), ("work", "0")];
    // The whole recording: the summary's time is the run's.
    let (took, m, text) = run_with_cap("queue", &queue, 1_000_000);
    assert_eq!(m.dropped, 0);
    assert_eq!(took, 2_000_000);
    assert!(text.starts_with("2000 items went through in 2.00 s, in order."), "{text}");

    // The same run with a recorder that fills up a tenth of the way in.
    let (took, m, text) = run_with_cap("queue", &queue, 2_000);
    assert_eq!(took, 2_000_000, "the run is the same");
    assert!(m.dropped > 0);
    let recorded = m.span();
    assert!(recorded < took / 4, "the recording stops early: {recorded} µs");
    assert!(!text.contains("went through in"), "a time from the cut recording passed for the run's: {text}");
    assert!(
        text.contains(&format!("The recorder was full after the run's first {}", duration(recorded)))
            && text.contains(&format!("dropped the {} events that came later", m.dropped))
            && text.contains("took at least that long"),
        "{text}"
    );
    assert!(text.contains("In the recorded part, the queue never filled up."), "{text}");

    // The default summary and the metrics say the same.
    let x = metrics(&m);
    assert_eq!(x.dropped, m.dropped);
    let said = what_happened(&x);
    assert!(!said.contains("Finished in"), "{said}");
    assert!(said.starts_with(&format!("The recorder was full after the run's first {}", duration(recorded))), "{said}");
    assert!(said.contains("In the recorded part, the waits add up to "), "{said}");
    // As of an instant inside the recording, the figures are exact: no caveat.
    let early = metrics_at(&m, recorded / 2);
    assert_eq!(early.dropped, 0);
    assert!(what_happened(&early).starts_with("Finished in "));
}

#[test]
fn module_code_lasts_until_the_loop_s_first_turn() {
    // In the page a task is stamped with the clock as last read: main() reads as made at
    // 1.469 s though the top level's time.sleep(1.5) ended at 1.500 s, when the first turn ran.
    let mut s = Script::new();
    s.at(0, u32::MAX, E::Blocking { dur: 1_500_000, call: BlockingCall::Sleep }).spawn(1_469_000, 0, None, "main()");
    let m = s.model();
    assert_eq!(m.module_stretch(), Some((0, 1_469_000)), "until a turn, the first task");
    s.at(1_500_000, u32::MAX, E::Turn { handles: 1 }).poll(1_500_000, 1_500_100, 0, None);
    let m = s.model();
    assert_eq!(m.module_stretch(), Some((0, 1_500_000)));
    assert!(m.before_loop(TaskId::OUTSIDE, 0) && !m.before_loop(TaskId::OUTSIDE, 1_500_000));
    assert!(!m.before_loop(TaskId(0), 0), "a task's own block is never module code");
    let blocked = m.log.iter().find(|l| matches!(l.kind, interleave::model::LogKind::Blocked(..))).expect("the block");
    assert_eq!(
        describe::log_line(blocked, &m, &s.rec),
        "time.sleep held the program for 1.50 s (no event loop was running yet)"
    );
    // Shorter than 15 ms of module code (imports, definitions) is not drawn.
    let mut quick = Script::new();
    quick.spawn(14_000, 0, None, "main()").at(14_000, u32::MAX, E::Turn { handles: 1 });
    assert_eq!(quick.model().module_stretch(), None);
}
