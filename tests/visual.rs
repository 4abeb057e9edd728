//! What the timeline draws for each lesson, from the model, exactly, on the virtual clock (or
//! from hand-written recordings where only a browser could produce the case): the turns axis
//! and its ready queue, lateness with its cause, the lesson lanes (permits, queue sizes,
//! ghosts, deadlines, connectors), the one style table, the SVG, the lints, the learner's
//! words, the comparison sentence and the pure viewport.
// A test's helpers may panic: a failed expectation there is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(not(target_arch = "wasm32"))]

use interleave::demos::params::Form;
use interleave::demos::{find, Facts, DEMOS};
use interleave::model::compare::{compare, Comparison, Side};
use interleave::model::describe::{self, cut_middle, cut_middle_to_fit};
use interleave::model::export::{svg, svg_with, SvgOptions, SvgRun, DARK, LIGHT};
use interleave::model::holds::{hold_of_step, holds};
use interleave::model::layout::{row_label, rows, Row};
use interleave::model::style::{legend, segment_look, style, Look, STYLES};
use interleave::model::turns::TurnAxis;
use interleave::model::viewport::{hit, swipe, wheel_action, Axis, Geometry, Hit, Pinch, Swipe, Viewport, WheelAction};
use interleave::model::warnings::LINTS;
use interleave::model::words::{details, headline, still_running, text_alternative};
use interleave::model::{
    warnings, Deadline, Late, LateCause, Link, LinkKind, RunModel, State, WarnKind, LATE_THRESHOLD,
};
use interleave::runtime::Runtime;
use interleave::trace::{BlockingCall, CancelledBy, EventKind as E, Micros, Recorder, TaskId, Wait, WakeCause};

struct Ran {
    rt: Runtime,
    model: RunModel,
    explain: String,
}

impl Ran {
    fn rec(&self) -> std::cell::Ref<'_, Recorder> {
        self.rt.trace()
    }

    fn lane(&self, name: &str) -> &interleave::model::Lane {
        self.model.lanes.iter().find(|l| l.name == name).unwrap_or_else(|| panic!("no lane {name}"))
    }
}

/// Runs a demo on the virtual clock with some parameters changed.
fn run(slug: &str, changes: &[(&str, &str)]) -> Ran {
    let demo = find(slug).expect("a demo of the gallery");
    let mut form = Form::defaults(demo.params());
    for (key, value) in changes {
        let i = demo.params().iter().position(|p| p.key == *key).expect("a key of the demo");
        form.raw[i] = value.to_string();
    }
    let params = form.params().expect("valid values");
    let rt = Runtime::new_virtual();
    let _main = interleave::aio::run(&rt, interleave::demos::twin(demo.slug()).expect("a twin").main(&params));
    rt.run_until_end();
    let mut model = RunModel::default();
    model.ingest(&rt.trace());
    let explain = demo.explain(&params, &Facts { model: &model, trace: &rt.trace(), frames: None });
    Ran { rt, model, explain }
}

const FIXED: (&str, &str) = ("variant", "await asyncio.sleep (fixed)");

/// A recording written by hand, for what only a browser produces (a busy browser, clock
/// readings between polls).
struct Script {
    rec: Recorder,
}

impl Script {
    fn new() -> Self {
        Script { rec: Recorder::default() }
    }

    fn spawn(&mut self, t: Micros, id: u32, name: &str) -> &mut Self {
        let name = self.rec.text(name);
        self.at(t, id, E::Spawn { parent: None, name })
    }

    fn at(&mut self, t: Micros, id: u32, kind: E) -> &mut Self {
        self.rec.record(t, TaskId(id), kind);
        self
    }

    fn poll(&mut self, from: Micros, to: Micros, id: u32, wait: Option<Wait>) -> &mut Self {
        self.at(from, id, E::PollStart).at(to, id, E::PollEnd { wait })
    }

    fn sleep_until(&mut self, t: Micros, id: u32, due: Micros) -> &mut Self {
        self.poll(t, t, id, Some(Wait::Timer { due, dur: due - t, whole: false }))
    }

    fn timer_fires(&mut self, t: Micros, id: u32, due: Micros) -> &mut Self {
        self.at(t, id, E::Wake { cause: WakeCause::Timer { due } })
    }

    fn model(&self) -> RunModel {
        let mut m = RunModel::default();
        m.ingest(&self.rec);
        m
    }
}

fn names(m: &RunModel, ids: &[TaskId]) -> Vec<String> {
    ids.iter().map(|&t| describe::task_name(m, t).to_string()).collect()
}

fn spans(axis: &TurnAxis, lane: &interleave::model::Lane) -> Vec<(f64, f64)> {
    (0..lane.segments.len()).map(|i| axis.segment_span(lane, i)).collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

// ----- turns --------------------------------------------------------------------------------

#[test]
fn create_task_starts_on_the_next_turn_which_the_turns_axis_shows() {
    let ran = run("create-task", &[]);
    let m = &ran.model;
    // On the wall clock both happen at 0.000 s: invisible.
    let job = ran.lane("background_job()");
    assert_eq!((job.spawned, m.steps[1].start), (0, 0));
    // On the turns axis: main runs turn 1, the job waits for a turn and runs in turn 2.
    let ready: Vec<Vec<String>> = (0..m.turns.len()).map(|k| names(m, m.ready_at(k))).collect();
    assert_eq!(ready[0], ["main()"]);
    assert_eq!(ready[1], ["background_job()"]);
    assert_eq!(m.turns.len(), 8);
    let axis = TurnAxis::new(m);
    // Made mid-way through main's step, ready until turn 2 begins, running through it,
    // sleeping until the callback-only turn 5 fires its timer, ready until turn 6 runs it.
    assert_eq!(spans(&axis, job), [(0.5, 1.0), (1.0, 2.0), (2.0, 4.5), (4.5, 5.0), (5.0, 6.0)]);
    assert_eq!(axis.step_span(0), (0.0, 1.0));
    assert_eq!(axis.turn_of_step(1), Some(1));
    assert_eq!(axis.step_at(1.5), Some(1));
    assert_eq!(axis.step_at(4.5), None, "turn 5 ran only the timer's callback");
}

#[test]
fn a_turns_steps_share_its_column_in_the_order_they_ran() {
    let ran = run("gather", &[]);
    let m = &ran.model;
    assert_eq!(names(m, m.ready_at(1)), ["task('A', 1.0)", "task('B', 0.5)", "task('C', 1.5)"]);
    let axis = TurnAxis::new(m);
    let third = 1.0 / 3.0;
    for (i, (from, to)) in
        [(1.0, 1.0 + third), (1.0 + third, 1.0 + 2.0 * third), (1.0 + 2.0 * third, 2.0)].into_iter().enumerate()
    {
        let (a, b) = axis.step_span(i + 1);
        assert!(close(a, from) && close(b, to), "step {}: {a}..{b}", i + 1);
    }
    // Times as secondary labels: every 5th turn of 13 when 5 labels fit.
    let ticks = axis.ticks(0.0, 13.0, 5);
    let shown: Vec<(String, String)> = ticks.into_iter().map(|t| (t.label, t.time)).collect();
    assert_eq!(
        shown,
        [("1".into(), "0.000 s".into()), ("6".into(), "1.000 s".into()), ("11".into(), "1.500 s".into())]
    );
    // Time and turns map both ways.
    assert_eq!(axis.time_of_pos(3.5), 500_000);
    assert_eq!(axis.pos_of_time(600_000), 4.5, "idle time between turns sits after the last turn begun");
    assert_eq!(axis.turn_at(12.9), Some(12));
    assert_eq!(axis.turn_at(13.0), None);
}

#[test]
fn the_ready_queue_is_the_loops_order_and_skips_tasks_that_ended() {
    let mut s = Script::new();
    s.spawn(0, 0, "main").at(0, 0, E::Turn { handles: 1 }).at(0, 0, E::PollStart);
    s.spawn(0, 1, "a").spawn(0, 2, "b").spawn(0, 3, "c");
    s.at(0, 0, E::PollEnd { wait: Some(Wait::Yield) });
    // b is cancelled by Stop before its turn: it never waits in the queue.
    s.at(0, 2, E::Cancelled { by: CancelledBy::Stop });
    s.at(0, 0, E::Turn { handles: 4 }).poll(0, 0, 1, None);
    let m = s.model();
    assert_eq!(names(&m, m.ready_at(0)), ["main"]);
    assert_eq!(names(&m, m.ready_at(1)), ["a", "c", "main"]);
    assert_eq!(m.steps_of_turn(1).len(), 1);
}

// ----- lateness -----------------------------------------------------------------------------

#[test]
fn lateness_names_the_task_that_held_the_loop() {
    let ran = run("blocking", &[]);
    let m = &ran.model;
    let blocker = ran.lane("blocker()").id;
    let held_by_blocker = LateCause::Held { by: blocker, held: 1_800_000 };
    assert_eq!(
        m.late,
        [
            Late { task: TaskId(1), due: 500_000, at: 2_300_000, event: 35, cancelled: false, cause: held_by_blocker },
            Late { task: TaskId(2), due: 500_000, at: 2_300_000, event: 36, cancelled: false, cause: held_by_blocker },
        ]
    );
    let ticker = ran.lane("ticker('A')");
    let (i, late) = ticker.segments.iter().enumerate().find(|(_, s)| s.state == State::Late).expect("a late segment");
    assert_eq!((late.start, late.end), (500_000, Some(2_300_000)));
    assert_eq!(segment_look(m, late), Look::Late);
    assert_eq!(describe::segment_label(late, m, &ran.rec()), "late: the loop was held by blocker()");
    assert_eq!(describe::segment_title(late, m, &ran.rec()), "late by 1.80 s: the loop was held by blocker()");
    // On the turns axis it starts inside blocker()'s step (a tenth of the way through its
    // 2 s) and ends where the timer's callback ran.
    let (from, to) = TurnAxis::new(m).segment_span(ticker, i);
    assert!(close(from, 5.1) && close(to, 6.5), "{from}..{to}");

    // Fixed: nothing was late, and the run says the loop was never held.
    let fixed = run("blocking", &[FIXED]);
    assert!(fixed.model.late.is_empty());
    assert_eq!(holds(&fixed.model).count(), 0);
}

#[test]
fn lateness_while_no_task_ran_is_the_browsers_and_small_lateness_is_not_drawn() {
    let mut s = Script::new();
    s.spawn(0, 0, "ticker").spawn(0, 1, "other");
    s.sleep_until(0, 0, 100_000).poll(110_000, 111_000, 1, Some(Wait::Yield)).poll(
        120_000,
        121_000,
        1,
        Some(Wait::Yield),
    );
    s.timer_fires(140_000, 0, 100_000).poll(
        140_000,
        140_000,
        0,
        Some(Wait::Timer { due: 200_000, dur: 60_000, whole: false }),
    );
    s.timer_fires(210_000, 0, 200_000);
    let m = s.model();
    assert_eq!(m.late[0].cause, LateCause::Browser { held: 2_000 });
    assert_eq!(m.late[1].cause, LateCause::Browser { held: 0 });
    let late: Vec<_> = m.lanes[0].segments.iter().filter(|s| s.state == State::Late).collect();
    assert_eq!(segment_look(&m, late[0]), Look::LateBrowser);
    assert_eq!(describe::segment_title(late[0], &m, &s.rec), "late by 40 ms: the browser was busy (no task ran)");
    // 10 ms late: under the threshold, drawn as the wait it extends, and said so on hover.
    assert!(m.late[1].lateness() < LATE_THRESHOLD);
    assert_eq!(segment_look(&m, late[1]), Look::Waiting);
    assert_eq!(describe::segment_label(late[1], &m, &s.rec), "waiting");
    assert_eq!(
        describe::segment_title(late[1], &m, &s.rec),
        "late by 10 ms: the browser was busy (no task ran) (under 15 ms: not drawn as late)"
    );
    assert_eq!(
        interleave::model::style::late_threshold_note(None),
        "Lateness under 15 ms is not drawn: a browser's timers are always a little late."
    );
}

#[test]
fn a_task_holding_half_the_overdue_window_is_named_and_less_is_not() {
    // 100 ms late both times: one poll of 60 ms inside the window names its task; one of
    // 40 ms (and nothing else) leaves the browser as the cause.
    for (ran, cause) in
        [(60_000, LateCause::Held { by: TaskId(1), held: 60_000 }), (40_000, LateCause::Browser { held: 40_000 })]
    {
        let mut s = Script::new();
        s.spawn(0, 0, "ticker").spawn(0, 1, "worker").sleep_until(0, 0, 100_000);
        s.poll(120_000, 120_000 + ran, 1, None).timer_fires(200_000, 0, 100_000);
        assert_eq!(s.model().late[0].cause, cause, "{ran} µs of 100 ms");
    }
}

#[test]
fn many_short_polls_make_the_loop_busy_without_one_holder() {
    let mut s = Script::new();
    s.spawn(0, 0, "ticker").sleep_until(0, 0, 100_000);
    for i in 1..=30u32 {
        let start = 100_000 + (i as Micros - 1) * 2_000;
        s.spawn(0, i, &format!("t{i}")).poll(start, start + 2_000, i, None);
    }
    s.timer_fires(160_000, 0, 100_000);
    let m = s.model();
    assert_eq!(m.late[0].cause, LateCause::Busy { polls: 30, held: 60_000 });
    assert_eq!(describe::late(&m.late[0], &m), "late by 60 ms: the loop was busy running 30 task steps");
    assert_eq!(segment_look(&m, m.lanes[0].segments.iter().find(|s| s.state == State::Late).unwrap()), Look::Late);
}

#[test]
fn a_timer_overdue_and_then_cancelled_counts_as_late() {
    let mut s = Script::new();
    s.spawn(0, 0, "canceller").spawn(0, 1, "sleeper").sleep_until(0, 1, 100_000);
    s.at(50_000, 0, E::PollStart).at(400_000, 1, E::CancelRequested { by: CancelledBy::Task(TaskId(0)) });
    s.at(400_000, 1, E::Wake { cause: WakeCause::Task(TaskId(0)) }).at(400_000, 0, E::PollEnd { wait: None });
    s.poll(400_000, 400_000, 1, None).at(400_000, 1, E::Cancelled { by: CancelledBy::Task(TaskId(0)) });
    let m = s.model();
    assert_eq!(
        m.late,
        [Late {
            task: TaskId(1),
            due: 100_000,
            at: 400_000,
            event: 6,
            cancelled: true,
            cause: LateCause::Held { by: TaskId(0), held: 300_000 }
        }]
    );
    assert_eq!(m.lateness, [(400_000, 300_000)], "it counts in the lateness figures too");
    assert_eq!(describe::late(&m.late[0], &m), "overdue by 300 ms, then cancelled: the loop was held by canceller");
    assert_eq!(
        m.links,
        [Link {
            kind: LinkKind::Cancel,
            from: TaskId(0),
            from_time: 400_000,
            from_event: 5,
            to: TaskId(1),
            to_time: Some(400_000),
            to_event: Some(8)
        }]
    );
    // Ended (not woken) while overdue counts too.
    let mut ended = Script::new();
    ended.spawn(0, 0, "sleeper").sleep_until(0, 0, 100_000).at(250_000, 0, E::Cancelled { by: CancelledBy::Stop });
    assert_eq!(ended.model().late.iter().map(|l| (l.lateness(), l.cancelled)).collect::<Vec<_>>(), [(150_000, true)]);
}

// ----- lesson lanes -------------------------------------------------------------------------

#[test]
fn the_permits_lane_holds_the_limit_and_permit_waits_have_their_own_look() {
    let ran = run("semaphore", &[("calls", "8"), ("limit", "3")]);
    let m = &ran.model;
    assert_eq!(m.permits.len(), 1);
    let permits = &m.permits[0];
    assert_eq!((permits.limit, permits.peak()), (3, 3));
    assert!(permits.points.iter().all(|p| p.value <= permits.limit));
    let first: Vec<(Micros, u32)> = permits.points.iter().take(4).map(|p| (p.time, p.value)).collect();
    assert_eq!(first, [(0, 1), (0, 2), (0, 3), (1_301_698, 2)]);
    assert_eq!(permits.value_at(1_301_698), 3, "given back and handed on at the same instant");
    assert_eq!(permits.points.last().map(|p| p.value), Some(0));
    assert_eq!(row_label(m, &ran.rec(), Row::Permits(0)), "semaphore: permits in use (limit 3)");
    assert_eq!(rows(m, false)[0], Row::Permits(0));
    let looks: Vec<Look> = ran.lane("call_api(3)").segments.iter().map(|s| segment_look(m, s)).collect();
    assert_eq!(
        looks,
        [
            Look::Ready,
            Look::Running,
            Look::WaitingPermit,
            Look::Ready,
            Look::Running,
            Look::Waiting,
            Look::Ready,
            Look::Running
        ]
    );
    assert_eq!(headline(m, &ran.rec())[1], "at most 3 of 3 permits in use; 5 tasks waited for one");
    let waiting = ran.lane("call_api(3)").segments[2];
    assert_eq!(describe::segment_label(&waiting, m, &ran.rec()), "waiting for a permit");
    assert_eq!(describe::segment_title(&waiting, m, &ran.rec()), "waiting for a permit: semaphore.acquire()");

    // llm-batch: the limit of 4 holds, and a task waits for a permit, then on its call.
    let ran = run("llm-batch", &[]);
    let m = &ran.model;
    assert_eq!((m.permits[0].limit, m.permits[0].peak()), (4, 4));
    assert!(m.permits[0].points.iter().all(|p| p.value <= 4));
    let both = m.lanes.iter().any(|l| {
        let looks: Vec<Look> = l.segments.iter().map(|s| segment_look(m, s)).collect();
        looks.contains(&Look::WaitingPermit) && looks.contains(&Look::Waiting)
    });
    assert!(both, "waiting for a permit and waiting on the call look different");
}

#[test]
fn a_coroutine_never_awaited_gets_a_ghost_lane_under_its_creator() {
    let ran = run("forgot-await", &[]);
    let m = &ran.model;
    assert_eq!(m.never_awaited.len(), 1);
    assert_eq!((m.never_awaited[0].at, m.never_awaited[0].task), (0, TaskId(0)));
    assert_eq!(rows(m, false), [Row::Task(TaskId(0)), Row::Ghost(0)]);
    assert_eq!(row_label(m, &ran.rec(), Row::Ghost(0)), "save (never awaited)");
    assert!(legend(m).iter().any(|s| s.look == Look::Ghost));
    assert_eq!(style(Look::Ghost).glyph, Some("◌"));
}

#[test]
fn a_wait_for_timeout_is_a_deadline_and_its_cancellation_reaches_the_work() {
    let ran = run("wait-for", &[]);
    let m = &ran.model;
    let (main, work) = (TaskId(0), ran.lane("slow_operation()").id);
    assert_eq!(
        m.deadlines,
        [Deadline { waiter: main, target: work, due: 5_000_000, fired: 5_000_000, fired_event: 10 }]
    );
    assert_eq!(m.links.len(), 1);
    let link = m.links[0];
    assert_eq!(
        (link.kind, link.from, link.to, link.from_time, link.to_time),
        (LinkKind::Timeout, main, work, 5_000_000, Some(5_000_000))
    );
    // It reaches the work at the step where CancelledError is raised at its await.
    let arrival = link.to_event.expect("arrived");
    assert_eq!(m.steps.iter().find(|s| s.event == arrival).map(|s| s.task), Some(work));
    assert_eq!(interleave::model::style::link_look(link.kind), Look::Deadline);
    // On the turns axis it travels forward: the cancellation is delivered on a later turn.
    let axis = TurnAxis::new(m);
    assert!(axis.pos_of_event(link.from_event) < axis.pos_of_event(arrival));
}

#[test]
fn exceptions_and_cancellations_are_drawn_travelling() {
    // Fail-fast: call(1)'s exception reaches main through gather, nothing else does.
    let ran = run("return-exceptions", &[]);
    let m = &ran.model;
    let call1 = ran.lane("call(1)").id;
    let kinds: Vec<(LinkKind, TaskId, TaskId, Micros)> =
        m.links.iter().map(|l| (l.kind, l.from, l.to, l.from_time)).collect();
    assert_eq!(kinds, [(LinkKind::Raised, call1, TaskId(0), 800_000)]);

    // return_exceptions=True: both exceptions come back to main as values, at the end.
    let ran = run("return-exceptions", &[("variant", "return_exceptions=True")]);
    let m = &ran.model;
    let got: Vec<(LinkKind, String, Option<Micros>)> =
        m.links.iter().map(|l| (l.kind, describe::task_name(m, l.from).to_string(), l.to_time)).collect();
    assert_eq!(
        got,
        [
            (LinkKind::Swallowed, "call(1)".into(), Some(2_000_000)),
            (LinkKind::Swallowed, "call(3)".into(), Some(2_000_000))
        ]
    );
    assert_eq!(headline(m, &ran.rec())[1], "2 exceptions came back as results");

    // cancel(): from main at 2.5 s to the worker's next step.
    let ran = run("cancel", &[]);
    let m = &ran.model;
    let link = m.links[0];
    assert_eq!((link.kind, link.from, link.to), (LinkKind::Cancel, TaskId(0), ran.lane("worker()").id));
    assert_eq!((link.from_time, link.to_time), (2_500_000, Some(2_500_000)));
    assert_eq!(m.links.len(), 1);
}

#[test]
fn the_queue_lane_shows_its_size_and_never_passes_maxsize() {
    let ran = run("queue", &[("maxsize", "2")]);
    let m = &ran.model;
    assert_eq!(m.queues.len(), 1);
    let q = &m.queues[0];
    assert_eq!((q.limit, q.peak()), (2, 2));
    let sizes: Vec<u32> = q.points.iter().map(|p| p.value).collect();
    assert_eq!(sizes, [1, 0, 1, 0, 1, 0, 1, 0, 1, 2, 1, 0]);
    assert_eq!(row_label(m, &ran.rec(), Row::Queue(0)), "queue: items (maxsize 2)");
    assert!(headline(m, &ran.rec()).contains(&"the queue held at most 2 items (maxsize 2)".to_string()));

    // Back-pressure: a slow consumer fills a queue of one, and it never holds more.
    let ran = run("queue", &[("maxsize", "1"), ("delay", "0.1"), ("work", "1.0")]);
    let q = &ran.model.queues[0];
    assert_eq!((q.limit, q.peak()), (1, 1));
    assert!(q.points.iter().all(|p| p.value <= 1));
    let producer = ran.lane("producer()");
    assert!(producer.segments.iter().any(|s| matches!(s.state, State::Waiting(Wait::QueuePut { .. }))));
}

// ----- one figure for "blocked for" ----------------------------------------------------------

/// The figure after `prefix` in `text`, up to the next " s".
fn figure_after<'a>(text: &'a str, prefix: &str) -> &'a str {
    let start = text.find(prefix).unwrap_or_else(|| panic!("{prefix:?} not in {text:?}")) + prefix.len();
    let len = text[start..].find(" s").expect("a figure in seconds") + 2;
    &text[start..start + len]
}

#[test]
fn the_summary_the_warning_the_loop_lane_and_the_figures_say_the_same_blocked_time() {
    let ran = run("blocking", &[]);
    let m = &ran.model;
    let hold = holds(m).next().expect("the loop was held");
    assert_eq!(hold_of_step(m, hold.step), Some(hold));
    let warning = warnings(m, &ran.rec()).into_iter().find(|w| w.kind == WarnKind::BlockedLoop).unwrap();
    let lane_label = hold.lane_label(m);
    let said = [
        figure_after(&ran.explain, "held the loop for "),
        figure_after(&warning.text, "blocked for "),
        figure_after(&lane_label, "blocked "),
    ];
    let figures = headline(m, &ran.rec());
    assert_eq!(said, ["2.00 s"; 3]);
    assert_eq!(figure_after(&figures[1], "held for "), "2.00 s");

    // In a browser the poll holds a little longer than the time.sleep inside it: every place
    // gives the hold, and says what the sleep took of it.
    let mut s = Script::new();
    s.spawn(0, 0, "blocker()").at(300_000, 0, E::PollStart).at(
        300_000,
        0,
        E::Blocking { dur: 2_000_000, call: BlockingCall::Sleep },
    );
    s.at(2_480_000, 0, E::PollEnd { wait: None });
    let m = s.model();
    let hold = holds(&m).next().unwrap();
    assert_eq!(hold.lane_label(&m), "blocked 2.18 s by blocker() (time.sleep: 2.00 s of it)");
    let warning = &warnings(&m, &s.rec)[0].text;
    assert!(
        warning.starts_with("The loop was blocked for 2.18 s by blocker() (time.sleep: 2.00 s of it):"),
        "{warning}"
    );
    assert_eq!(headline(&m, &s.rec)[1], "the loop was held for 2.18 s by blocker() (time.sleep: 2.00 s of it)");

    // A blocking HTTP client's request (`requests.get`) is named as what it is, not time.sleep.
    let mut s = Script::new();
    s.spawn(0, 0, "fetch()").at(100_000, 0, E::PollStart);
    s.at(100_000, 0, E::Blocking { dur: 500_000, call: BlockingCall::Request });
    s.at(700_000, 0, E::PollEnd { wait: None });
    let m = s.model();
    let hold = holds(&m).next().unwrap();
    assert_eq!(hold.lane_label(&m), "blocked 600 ms by fetch() (a blocking request: 500 ms of it)");
}

// ----- comparing two runs ---------------------------------------------------------------------

/// The point of comparing the blocking lesson (kept, run 1) with its fixed version (run 2).
const POINT: &str =
    "Run 2 finished 1.7× sooner: the loop was never held, where in run 1 it was held 2.00 s by blocker().";

/// One side of a comparison: run `number` of `model`, at 1×, with `lines` of output.
fn side<'a>(number: u32, program: &'a str, model: &'a RunModel, lines: usize) -> Side<'a> {
    Side { number, program, speed: "1×", model, output_lines: lines }
}

/// The table's rows as (name, kept, current).
fn table(c: &Comparison) -> Vec<(&str, &str, &str)> {
    c.rows.iter().map(|r| (r.name, r.values[0].as_str(), r.values[1].as_str())).collect()
}

#[test]
fn comparing_two_runs_gives_a_table_of_figures_and_one_sentence_with_the_point() {
    let (blocking, fixed) = (run("blocking", &[]), run("blocking", &[FIXED]));
    let a = side(1, "blocking, lesson values", &blocking.model, 7);
    let b = Side { speed: "10×", ..side(2, "blocking ?variant=fixed", &fixed.model, 7) };
    let c = compare(a, b);
    assert_eq!(c.heads, ["Kept: run 1".to_string(), "This run: run 2".to_string()]);
    assert_eq!(
        table(&c),
        [
            ("Program", "blocking, lesson values", "blocking ?variant=fixed"),
            ("Speed", "1×", "10×"),
            ("Total time", "3.80 s", "2.30 s"),
            ("Most tasks waiting at once", "3", "3"),
            ("Tasks", "4", "4"),
            ("Loop held", "2.00 s", "never"),
            ("Output lines", "7", "7"),
        ]
    );
    assert_eq!(c.point, POINT);
    assert_eq!(compare(b, a).point, "Run 1 took 1.7× as long: the loop was held 2.00 s by blocker(), never in run 2.");
    let shorter = run("blocking", &[("block", "1.0")]);
    assert_eq!(
        compare(a, side(3, "1 s block", &shorter.model, 7)).point,
        "Run 3 finished 1.4× sooner: the loop was held 1.00 s in all, 2.00 s in run 1."
    );
    // Only how many waited at once changed (a Semaphore of 1, then of 3).
    let (one, three) = (run("semaphore", &[("limit", "1")]), run("semaphore", &[("limit", "3")]));
    let c = compare(side(1, "limit 1", &one.model, 3), side(2, "limit 3", &three.model, 3));
    assert_eq!(c.point, "Run 2 finished 2.9× sooner: its tasks waited 3 at once, run 1's waited one at a time.");
    assert_eq!(table(&c)[3], ("Most tasks waiting at once", "1", "3"));
    assert!(table(&c).iter().all(|(name, ..)| *name != "Loop held"), "no hold in either: no row for it");
    // The same shape at another pace, and the same run twice.
    let (g1, g2) = (run("gather", &[]), run("gather", &[("c", "0.5")]));
    let (x, y) = (side(1, "before", &g1.model, 4), side(2, "after", &g2.model, 4));
    assert_eq!(compare(x, y).point, "Run 2 finished 1.5× sooner; its tasks took turns the same way.");
    assert_eq!(compare(y, x).point, "Run 1 took 1.5× as long; its tasks took turns the same way.");
    assert_eq!(
        compare(x, Side { number: 2, ..x }).point,
        "Run 2 took about as long as run 1: its tasks took turns the same way."
    );
    // A difference that does not explain the pace is only put beside it.
    let (shorter_blocked, fixed) = (run("blocking", &[("block", "1.0"), ("ticks", "4")]), run("blocking", &[FIXED]));
    let c = compare(side(1, "blocking", &shorter_blocked.model, 7), side(2, "fixed", &fixed.model, 7));
    assert!(c.point.starts_with("Run 2 took ") && c.point.contains(" as long; the loop was never held"), "{}", c.point);
    // Tasks that raised get a row when either run had one.
    let (failing, none) = (run("return-exceptions", &[]), run("return-exceptions", &[("failures", "0")]));
    let c = compare(side(1, "2 failing", &failing.model, 5), side(2, "none failing", &none.model, 5));
    assert_eq!(c.point, "Run 2 took about as long as run 1: no task raised, 2 in run 1.");
    assert!(table(&c).contains(&("Tasks that raised", "2", "0")), "{:?}", table(&c));
}

// ----- the style table ------------------------------------------------------------------------

const EVERY_LOOK: [Look; 20] = [
    Look::Running,
    Look::Ready,
    Look::Waiting,
    Look::WaitingPermit,
    Look::Late,
    Look::LateBrowser,
    Look::Ghost,
    Look::Done,
    Look::Failed,
    Look::Cancelled,
    Look::Print,
    Look::Blocked,
    Look::Deadline,
    Look::Raised,
    Look::Swallowed,
    Look::CancelLink,
    Look::Permits,
    Look::QueueItems,
    Look::Limit,
    Look::Module,
];

#[test]
fn every_look_has_one_row_with_a_css_variable_and_both_themes() {
    assert_eq!(STYLES.len(), EVERY_LOOK.len());
    for look in EVERY_LOOK {
        let rows: Vec<_> = STYLES.iter().filter(|s| s.look == look).collect();
        assert_eq!(rows.len(), 1, "{look:?}");
        let s = style(look);
        assert_eq!(s.look, look);
        assert!(s.var.starts_with("--") && !s.label.is_empty() && !s.meaning.is_empty());
        for c in [s.light, s.dark] {
            assert!(c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|h| h.is_ascii_hexdigit()), "{c}");
        }
    }
    let mut vars: Vec<&str> = STYLES.iter().map(|s| s.var).collect();
    vars.sort_unstable();
    vars.dedup();
    assert_eq!(vars.len(), STYLES.len(), "one variable per look");
    // The ending glyphs the page has always used.
    let glyphs: Vec<_> = [Look::Done, Look::Failed, Look::Cancelled].iter().map(|&l| style(l).glyph).collect();
    assert_eq!(glyphs, [Some("✓"), Some("✗"), Some("⊘")]);
}

/// `--name: value;` declarations of a CSS block.
fn declarations(block: &str) -> Vec<(String, String)> {
    block
        .split(';')
        .filter_map(|d| {
            let d = d.rsplit(['{', '}']).next()?.trim();
            let (k, v) = d.split_once(':')?;
            let k = k.trim().rsplit(char::is_whitespace).next()?.to_string();
            k.starts_with("--").then(|| (k, v.trim().to_string()))
        })
        .collect()
}

#[test]
fn the_page_stylesheet_agrees_with_the_table_where_it_sets_a_look() {
    let css = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/static/style.css")).expect("style.css");
    let dark_at = css.find("prefers-color-scheme: dark").expect("a dark block");
    let (light, dark) = (declarations(&css[..dark_at]), declarations(&css[dark_at..]));
    let find = |list: &[(String, String)], var: &str| list.iter().find(|(k, _)| k == var).map(|(_, v)| v.clone());
    let mut checked = 0;
    for s in STYLES {
        if let Some(v) = find(&light, s.var) {
            assert_eq!(v, s.light, "{} light", s.var);
            // Not overridden in the dark block means the same colour in both themes.
            assert_eq!(find(&dark, s.var).unwrap_or(v), s.dark, "{} dark", s.var);
            checked += 1;
        }
    }
    assert!(checked >= 8, "the page's state colours are checked ({checked})");
}

// ----- the SVG ----------------------------------------------------------------------------

#[test]
fn the_svg_draws_in_the_theme_shown_with_title_labels_legend_and_the_kept_run() {
    let (blocking, fixed) = (run("blocking", &[]), run("blocking", &[FIXED]));
    let (rb, rf) = (blocking.rec(), fixed.rec());
    let this = SvgRun { label: "fixed", model: &fixed.model, rec: &rf, halted: None };
    let kept = SvgRun { label: "blocking", model: &blocking.model, rec: &rb, halted: None };
    let options = |palette| SvgOptions {
        title: "Blocking the loop",
        width: 1400,
        max_rows: 40,
        palette,
        axis: Axis::Time,
        point: Some(POINT),
    };
    let dark = svg_with(this, Some(kept), &options(&DARK));
    let light = svg_with(this, Some(kept), &options(&LIGHT));
    // The running colour of each theme, and never the other's.
    assert!(dark.contains("#3d9be0") && !dark.contains("#0072b2"));
    assert!(light.contains("#0072b2") && !light.contains("#3d9be0"));
    for svg in [&dark, &light] {
        assert!(svg.contains("<title>Blocking the loop</title>"));
        assert!(svg.contains("Kept run for comparison: blocking"));
        assert!(svg.contains(&format!(">{POINT}</text>")), "the comparison's point");
        assert!(svg.contains(">blocked 2.00 s by blocker()</text>"), "the kept run's hold, labelled");
        assert!(svg.contains(">late: loop held</text>") && svg.contains(">waiting</text>"), "legend entries");
        assert!(svg.contains("Lateness under 15 ms is not drawn"));
        assert!(svg.contains("<desc>Timeline of a run that took 2.30 s"), "the text alternative");
    }
    // The page's own export keeps working, in either theme.
    let plain = svg(&blocking.model, &rb, 800, 2, &DARK);
    assert!(plain.contains("… and 2 more rows") && plain.contains("#3d9be0"));
    // A gallery card's picture: the loop and every lane with how it ended, in the theme's
    // colours, told in words.
    let card = interleave::model::export::thumbnail(kept, 240, 60, true);
    assert!(card.starts_with("<svg") && card.contains("#3d9be0") && card.contains("#d55e00"), "running and late, dark");
    assert!(card.contains("<title>blocking: took 3.80 s; the loop was held for 2.00 s by blocker()"));
    let lanes = &blocking.model.lanes;
    assert_eq!(
        card.matches("<rect").count(),
        1 + blocking.model.steps.len()
            + lanes.iter().map(|l| l.segments.len()).sum::<usize>()
            + lanes.iter().filter(|l| l.ending.is_some()).count()
    );
    // The turns axis numbers the turns, with their times.
    let turns = svg_with(kept, None, &SvgOptions { axis: Axis::Turns, ..options(&LIGHT) });
    assert!(turns.contains("turns →") && turns.contains(">5 <tspan font-size=\"10\">0.300 s</tspan>"), "{turns}");
    assert!(
        turns.contains("<title>waiting for turn 2: ticker('A'), ticker('B'), blocker()</title>"),
        "the ready queue"
    );
}

// ----- lints --------------------------------------------------------------------------------

#[test]
fn each_lint_is_one_kind_with_its_own_summary() {
    let mut kinds: Vec<WarnKind> = LINTS.iter().map(|l| l.kind()).collect();
    let mut summaries: Vec<&str> = LINTS.iter().map(|l| l.summary()).collect();
    kinds.dedup();
    summaries.sort_unstable();
    summaries.dedup();
    assert_eq!((kinds.len(), summaries.len()), (7, 7));
    let ran = run("blocking", &[]);
    let w = warnings(&ran.model, &ran.rec());
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].summary, "blocked the loop");
    assert_eq!(
        w[0].text,
        "The loop was blocked for 2.00 s by blocker(): it held the only thread without awaiting, so no other task could run. Timers fired up to 1.80 s late."
    );
}

// ----- words --------------------------------------------------------------------------------

#[test]
fn two_or_three_plain_figures_per_lesson_and_the_rest_behind_details() {
    let gather = run("gather", &[]);
    assert_eq!(
        headline(&gather.model, &gather.rec()),
        ["took 1.50 s", "one after another would take 3.00 s", "at most 3 tasks waited at once"]
    );
    let names: Vec<&str> = details(&gather.model, gather.model.span(), None).into_iter().map(|(k, _)| k).collect();
    assert!(
        names.contains(&"Polls / wakes")
            && names.contains(&"Timer lateness p50 / p99")
            && names.contains(&"Turns of the loop")
    );
    let rows = details(&gather.model, gather.model.span(), None);
    assert_eq!(rows.iter().find(|(k, _)| *k == "Turns of the loop").map(|(_, v)| v.as_str()), Some("13"));
    assert_eq!(rows.iter().find(|(k, _)| *k == "Loop held (polls over 50 ms)").map(|(_, v)| v.as_str()), Some("never"));
    let forgot = run("forgot-await", &[]);
    assert_eq!(headline(&forgot.model, &forgot.rec()), ["took 1.00 s", "1 coroutine never ran (save): never awaited"]);
    // Mid-run the first figure is the length so far, never a final-sounding "took".
    assert_eq!(
        still_running(headline(&forgot.model, &forgot.rec()), 610_000),
        ["running for 610 ms so far", "1 coroutine never ran (save): never awaited"]
    );
    let timeout = run("wait-for", &[]);
    assert_eq!(
        headline(&timeout.model, &timeout.rec())[1],
        "the timeout fired at 5.000 s and cancelled slow_operation()"
    );
    for demo in DEMOS {
        let ran = run(demo.slug(), &[]);
        let figures = headline(&ran.model, &ran.rec());
        assert!((1..=3).contains(&figures.len()), "{}: {figures:?}", demo.slug());
        assert!(figures[0].starts_with("took "), "{}: {figures:?}", demo.slug());
    }
}

#[test]
fn the_text_alternative_tells_the_run() {
    let ran = run("gather", &[]);
    assert_eq!(
        text_alternative(&ran.model, &ran.rec(), None),
        "Timeline of a run that took 1.50 s: 4 tasks, 13 turns of the event loop. main() ran 2 times; it waited on gather (3 left); it returned None at 1.500 s. task('A', 1.0) ran 2 times; it waited on sleep(1.0); it returned 'A done' at 1.000 s. task('B', 0.5) ran 2 times; it waited on sleep(0.5); it returned 'B done' at 0.500 s. task('C', 1.5) ran 2 times; it waited on sleep(1.5); it returned 'C done' at 1.500 s."
    );
    let blocking = run("blocking", &[]);
    let alt = text_alternative(&blocking.model, &blocking.rec(), None);
    assert!(alt.contains("At 0.300 s the loop was held for 2.00 s by blocker(): no other task could run."), "{alt}");
    assert!(alt.contains("ticker('A') ran 9 times; it waited on sleep(0.25) (a timer late by 1.80 s: the loop was held by blocker())"), "{alt}");
    let forgot = run("forgot-await", &[]);
    assert!(text_alternative(&forgot.model, &forgot.rec(), None)
        .ends_with("The coroutine save was created in main() at 0.000 s and never awaited: it never ran."));
}

#[test]
fn labels_are_cut_in_the_middle_so_neighbours_stay_apart() {
    let label = "fetch_in_time('static/data/items/3.json')";
    assert_eq!(cut_middle(label, 36), "fetch_in_time('static/da…ms/3.json')");
    assert_eq!(cut_middle(label, 100), label);
    assert_eq!(cut_middle("abcdef", 4), "ab…f");
    assert_ne!(cut_middle(label, 30), cut_middle("fetch_in_time('static/data/items/4.json')", 30));
    // Fitting by a measure (here: 8 px a character, in 200 px).
    assert_eq!(cut_middle_to_fit(label, |s| s.chars().count() * 8 <= 200), "fetch_in_time('s…3.json')");
}

#[test]
fn a_call_label_cuts_its_arguments_before_its_name() {
    let fits = |s: &str| s.chars().count() <= 31;
    let lanes: Vec<String> = (0..12)
        .map(|i| {
            describe::fit_label(
                &format!(
                    "ask_with_retry('prompt {i}', <asyncio.locks.Semaphore object at 0x7f3a [unlocked, value:4]>)"
                ),
                fits,
            )
        })
        .collect();
    assert_eq!(lanes[7], "ask_with_retry('prompt 7', <…>)");
    assert!(lanes.iter().all(|l| fits(l)), "{lanes:?}");
    let distinct: std::collections::HashSet<&String> = lanes.iter().collect();
    assert_eq!(distinct.len(), lanes.len(), "every lane stays tellable: {lanes:?}");
    // Tighter still, two-digit prompts stay apart from one-digit ones.
    let narrow = |s: &str| s.chars().count() <= 26;
    let lanes: Vec<String> = (0..12)
        .map(|i| {
            describe::fit_label(&format!("ask_with_retry('prompt {i}', <asyncio.locks.Semaphore object>)"), narrow)
        })
        .collect();
    let distinct: std::collections::HashSet<&String> = lanes.iter().collect();
    assert_eq!(distinct.len(), lanes.len(), "every lane stays tellable: {lanes:?}");
    // A phone's label column (15 characters) has no room for the name: its start, then the
    // arguments, and every lane stays tellable.
    let phone = |s: &str| s.chars().count() <= 15;
    let lanes: Vec<String> = (0..12)
        .map(|i| describe::fit_label(&format!("ask_with_retry('prompt {i}', <asyncio.locks.Semaphore object>)"), phone))
        .collect();
    assert_eq!(lanes[7], "ask…(…rompt 7')");
    let url = |i| format!("fetch_in_time(<ClientSession>, 'http://127.0.0.1:…ath/static/data/items/{i}.json')");
    assert_eq!(describe::fit_label(&url(3), phone), "fet…(…/3.json')");
    let url = |i| format!("fetch(<ClientSession>, 'http://127.0.0.1:…ath/static/data/items/{i}.json')");
    assert_eq!(describe::fit_label(&url(3), phone), "fet…(…/3.json')");
    // A nested lane has a little less room: even a five-letter name gives way to the digit.
    let nested = |s: &str| s.chars().count() <= 14;
    assert_eq!(describe::fit_label(&url(3), nested), "fet…(…3.json')");
    // A wide screen's label column (28 characters): the end of the address, not the object,
    // and the name whole, as the address keeps what tells it apart.
    let url = |i| format!("fetch_in_time(<ClientSession>, 'http://127.0.0.1:…ath/static/data/items/{i}.json')");
    let wide = |s: &str| s.chars().count() <= 28;
    assert_eq!(describe::fit_label(&url(3), wide), "fetch_in_time(…tems/3.json')");
    assert!(lanes.iter().all(|l| phone(l)), "{lanes:?}");
    let distinct: std::collections::HashSet<&String> = lanes.iter().collect();
    assert_eq!(distinct.len(), lanes.len(), "every lane stays tellable: {lanes:?}");
    // A call with no arguments to keep: its name is cut in the middle (more of its start), never to three letters.
    assert_eq!(describe::fit_label("background_job()", phone), "background…ob()");
    assert_eq!(describe::fit_label("producer(<Queue>)", phone), "producer(<…>)");
    assert_eq!(describe::fit_label("slow_operation(<Queue>)", |s| s.chars().count() <= 10), "slow_o…n()");
    // The output's who column (22 characters): the object goes, the consumer's number stays.
    let who = |s: &str| s.chars().count() <= 22;
    assert_eq!(describe::fit_label("consumer('consumer 2', <Queue>)", who), "consumer('consumer 2')");
    // A long name with short arguments keeps as much of its start as leaves them whole.
    assert_eq!(describe::fit_label("fetch_user_profile_with_long_name(0)", who), "fetch_user_profile…(0)");
    assert_eq!(describe::fit_label("fetch_user_profile_with_long_name(12, 'x')", phone), "fetch…(12, 'x')");
    // A phrase is no call, and keeps its start: what it says comes first.
    let room = |s: &str| s.chars().count() <= 16;
    assert_eq!(describe::fit_label("blocked 2.00 s by blocker()", room), "blocked 2.00 s…");
    assert_eq!(describe::fit_label("semaphore: permits in use (limit 5)", room), "semaphore: perm…");
    // With enough of its argument kept to tell lanes apart, a name stays whole.
    let url = "fetch_in_time(<ClientSession>, 'http://127.0.0.1:…ath/static/data/items/3.json')";
    assert_eq!(describe::fit_label(url, |s| s.chars().count() <= 30), "fetch_in_time(…/items/3.json')");
}

#[test]
fn a_lane_keeps_its_function_name_and_the_tail_that_tells_it_apart() {
    // A phone's column (15 characters) and tighter: never `wor…(…er-0')`.
    let lanes = |fits: &dyn Fn(&str) -> bool| -> Vec<String> {
        (0..12).map(|i| describe::fit_label(&format!("worker('worker-{i}')"), fits)).collect()
    };
    for room in [15, 14, 13] {
        let fits = |s: &str| s.chars().count() <= room;
        let cut = lanes(&fits);
        assert!(cut.iter().all(|l| l.starts_with("worker(…") && fits(l)), "{room}: {cut:?}");
        let distinct: std::collections::HashSet<&String> = cut.iter().collect();
        assert_eq!(distinct.len(), cut.len(), "{room}: every lane stays tellable: {cut:?}");
    }
    let phone = |s: &str| s.chars().count() <= 15;
    assert_eq!(describe::fit_label("worker('worker-0')", phone), "worker(…ker-0')");
    assert_eq!(describe::fit_label("worker('worker-11')", phone), "worker(…er-11')");
    assert_eq!(describe::fit_label("worker('worker-0')", |s| s.chars().count() <= 12), "worker(…-0')");
    // Too little room for the tail beside the name: the name gives way, the digits stay.
    assert_eq!(describe::fit_label("worker('worker-10')", |s| s.chars().count() <= 11), "wor…(…-10')");
    // Object arguments go; the rest keeps its tail.
    assert_eq!(describe::fit_label("consumer(<Queue>, 'consumer-3')", phone), "consumer(…r-3')");
}

#[test]
fn a_label_that_is_no_call_is_cut_in_the_middle() {
    // Not a call: cut in the middle as a whole.
    assert_eq!(describe::fit_label("abcdefghij", |s| s.chars().count() <= 4), "ab…j");
}

// ----- incremental ingest -----------------------------------------------------------------------

#[test]
fn ingesting_event_by_event_builds_the_same_lesson_lanes() {
    for (slug, changes) in [
        ("blocking", &[][..]),
        ("semaphore", &[][..]),
        ("queue", &[("maxsize", "1")][..]),
        ("wait-for", &[][..]),
        ("return-exceptions", &[][..]),
    ] {
        let ran = run(slug, changes);
        let rec = ran.rec();
        let mut live = RunModel::default();
        let mut partial = Recorder::default();
        // Replays the events one at a time into a second recorder, ingesting after each.
        for e in rec.events().iter() {
            partial.record(e.time, e.task, e.kind);
            live.ingest(&partial);
        }
        let whole = &ran.model;
        assert_eq!(live.turns, whole.turns, "{slug}");
        assert_eq!(live.late, whole.late, "{slug}");
        assert_eq!(live.links, whole.links, "{slug}");
        assert_eq!(live.deadlines, whole.deadlines, "{slug}");
        assert_eq!(live.permits, whole.permits, "{slug}");
        assert_eq!(live.queues, whole.queues, "{slug}");
        assert_eq!(
            (0..live.turns.len()).map(|k| live.ready_at(k).to_vec()).collect::<Vec<_>>(),
            (0..whole.turns.len()).map(|k| whole.ready_at(k).to_vec()).collect::<Vec<_>>()
        );
    }
}

// ----- the viewport -----------------------------------------------------------------------------

#[test]
fn the_viewport_zooms_pans_and_pinches_around_what_is_under_the_pointer() {
    let g = Geometry::new(1440.0, false);
    assert_eq!((g.label_w, g.plot_x, g.plot_w, g.row_h), (190.0, 196.0, 1234.0, 22.0));
    assert_eq!(g.max_ticks(), 15);
    let phone = Geometry::new(390.0, false).max_ticks();
    assert_eq!(phone, 5);
    let (_, marks) = interleave::model::layout::ticks(0, 1_575_000, phone);
    assert_eq!(marks, [0, 500_000, 1_000_000, 1_500_000]);
    // A phone's axis has more than one tick wherever the window is.
    for (from, len) in [(0, 100_000), (50_000, 120_000), (333_333, 1_000_001), (7_000_001, 2_499_999)] {
        let (_, marks) = interleave::model::layout::ticks(from, from + len, phone);
        assert!(marks.len() >= 2, "{from}+{len}: {marks:?}");
    }
    let p = Geometry::new(1440.0, true);
    assert_eq!((p.row_h, p.font_px), (36.0, 17.0));
    assert_eq!(Geometry::new(390.0, false).label_w, 110.0);
    // Beside the editor at 1440 the canvas is about 550 px: its names column grows with it.
    assert_eq!(Geometry::new(548.0, false).label_w, 137.0);
    assert_eq!(Geometry::new(599.0, false).label_w, 149.75);

    let mut v = Viewport { from: 0.0, to: 1_000_000.0, ..Viewport::default() };
    // Zooming in at a point keeps that point under the pointer.
    let x = v.x(&g, 250_000.0);
    v.zoom(0.5, Some(250_000.0));
    assert_eq!((v.from, v.to, v.follow), (125_000.0, 625_000.0, false));
    assert!(close(v.x(&g, 250_000.0), x));
    v.pan(0.5);
    assert_eq!((v.from, v.to), (375_000.0, 875_000.0));
    v.pan(-2.0);
    assert_eq!((v.from, v.to), (0.0, 500_000.0), "never before the start");
    // A drag moves the content with the pointer.
    v.drag(&g, (0.0, 500_000.0), -g.plot_w / 2.0);
    assert_eq!((v.from, v.to), (250_000.0, 750_000.0));
    // Fingers spread to twice their distance: half the window, the same positions under them.
    let start = Pinch { x1: 400.0, x2: 600.0, from: v.from, to: v.to };
    let (under1, under2) = (v.pos(&g, 400.0), v.pos(&g, 600.0));
    v.pinch(&g, &start, 300.0, 700.0);
    assert!(close(v.window(), 250_000.0));
    assert!(close(v.pos(&g, 300.0), under1) && close(v.pos(&g, 700.0), under2));
    // The narrowest window is 100 µs.
    v.zoom(1e-9, None);
    assert_eq!(v.window(), 100.0);
    // Following a run shows all of it, with a little room, and while it goes on at least
    // 100 ms (its first frames do not zoom in on microseconds).
    let mut f = Viewport::default();
    f.follow_to(2_000_000.0, true, false);
    assert_eq!((f.from, f.to), (0.0, 2_100_000.0));
    f.follow_to(1_000.0, true, false);
    assert_eq!(f.to, 100_000.0);
    // Once over, a short run fills the plot: a 4 ms run on a 4.2 ms axis (not 100 ms), and
    // nothing on less than a millisecond.
    f.follow_to(4_000.0, false, false);
    assert_eq!((f.from, f.to), (0.0, 4_200.0));
    f.follow_to(0.0, false, false);
    assert_eq!(f.to, 1_000.0);
    // The steady axis shrinks to the run's own length too, by doublings of a millisecond.
    let mut steady = Viewport::default();
    steady.follow_to(3_000.0, true, true);
    assert_eq!(steady.to, 100_000.0);
    steady.follow_to(3_000.0, false, true);
    assert_eq!(steady.to, 4_000.0);
}

#[test]
fn a_steady_axis_for_reduced_motion_changes_a_handful_of_times_a_run() {
    // A run growing a millisecond a frame for 3 s: the moving axis rescales every frame, the
    // steady one only when the run reaches its end (doubling), and always shows all of it.
    let (mut moving, mut steady) = (Viewport::default(), Viewport::default());
    let (mut moving_changes, mut steady_changes) = (0, 0);
    for ms in 0..3_000u32 {
        let end = f64::from(ms) * 1_000.0;
        let (m0, s0) = (moving.to, steady.to);
        moving.follow_to(end, true, false);
        steady.follow_to(end, true, true);
        moving_changes += usize::from(moving.to != m0);
        steady_changes += usize::from(steady.to != s0);
        assert!(steady.from == 0.0 && steady.to >= end, "{end}: {steady:?}");
    }
    assert!(moving_changes > 2_000, "{moving_changes}");
    assert!(steady_changes <= 6, "{steady_changes}");
    assert_eq!(steady.to, 3_200_000.0, "100 ms doubled five times");
    // A new, short run after a long one shrinks the steady axis back.
    steady.follow_to(10_000.0, true, true);
    assert_eq!(steady.to, 100_000.0);
    // Zoomed or panned by the user: following stops, on both.
    steady.zoom(0.5, None);
    let before = steady;
    steady.follow_to(9e6, true, true);
    assert_eq!(steady, before);
}

#[test]
fn the_axis_switches_keeping_the_view_and_a_clicked_step_comes_into_view_readably() {
    let ran = run("gather", &[]);
    let turns = TurnAxis::new(&ran.model);
    let g = Geometry::new(1440.0, false);
    let mut v = Viewport { from: 0.0, to: 1_000_000.0, follow: false, ..Viewport::default() };
    v.set_axis(Axis::Turns, &turns);
    assert_eq!((v.axis, v.from, v.to), (Axis::Turns, 0.0, 7.5), "turn 8 is the last to begin by 1.0 s");
    v.set_axis(Axis::Time, &turns);
    assert_eq!((v.axis, v.from, v.to), (Axis::Time, 0.0, 1_000_000.0));
    // Step 3 (B's first) is a third of turn 2: brought to at least 60 px wide, centred.
    let mut v = Viewport::on(Axis::Turns);
    v.follow_to(turns.end(), false, false);
    let span = turns.step_span(2);
    v.reveal(&g, span, 60.0);
    let (x0, x1) = (v.x(&g, span.0), v.x(&g, span.1));
    assert!(x1 - x0 >= 60.0 - 1e-6, "{}", x1 - x0);
    assert!(x0 >= g.plot_x && x1 <= g.plot_x + g.plot_w);
    let before = v;
    v.reveal(&g, span, 60.0);
    assert_eq!(v, before, "already in view and readable: nothing moves");
}

#[test]
fn the_wheel_scrolls_the_page_unless_lanes_are_hidden_and_touch_tells_pans_from_scrolls() {
    assert_eq!(wheel_action(false, false, 0.0, 100.0, false, false), WheelAction::Page);
    assert_eq!(wheel_action(false, false, 0.0, 100.0, false, true), WheelAction::Rows(3));
    assert_eq!(wheel_action(false, false, 0.0, -100.0, false, true), WheelAction::Page, "nothing hidden above");
    assert_eq!(wheel_action(false, false, 0.0, -100.0, true, false), WheelAction::Rows(-3));
    assert_eq!(wheel_action(true, false, 0.0, -100.0, false, false), WheelAction::Zoom(0.8));
    assert_eq!(wheel_action(false, true, 0.0, 100.0, false, false), WheelAction::Pan(0.1));
    assert_eq!(wheel_action(false, false, -80.0, 10.0, false, false), WheelAction::Pan(-0.1));
    assert_eq!(swipe(3.0, 4.0), Swipe::Undecided);
    assert_eq!(swipe(30.0, 10.0), Swipe::Pan);
    assert_eq!(swipe(5.0, -30.0), Swipe::Page);
}

#[test]
fn hit_tests_find_the_axis_the_loop_and_the_lane_rows() {
    let g = Geometry::new(1440.0, false);
    let v = Viewport { from: 0.0, to: 1_234.0, first_row: 4, ..Viewport::default() };
    assert_eq!(hit(&g, &v, 30, 100.0, 50.0), Hit::Nothing, "the label column");
    assert_eq!(hit(&g, &v, 30, 196.0 + 617.0, 10.0), Hit::Axis(617.0));
    assert_eq!(hit(&g, &v, 30, 196.0, 30.0), Hit::Loop(0.0));
    assert_eq!(hit(&g, &v, 30, 196.0 + 10.0, 24.0 + 22.0 * 3.0 + 1.0), Hit::Row(6, 10.0));
    assert_eq!(hit(&g, &v, 6, 200.0, 24.0 + 22.0 * 3.0 + 1.0), Hit::Nothing, "below the last row");
    let mut v = v;
    v.scroll_rows(100, 30, 16);
    assert_eq!(v.first_row, 14);
    v.scroll_rows(-100, 30, 16);
    assert_eq!(v.first_row, 0);
}
