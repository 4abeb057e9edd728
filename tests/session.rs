//! Sessions and the page's run reducer, driven natively on the virtual clock: a Python program
//! and a demo run as the page runs them; Next, Back, Select, Scrub, Keep, Stop and To the end
//! follow the rules the step-mode buttons promise; the source lines each task is on are read
//! from the recording.
// A test's helpers may panic: a failed expectation there is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(not(target_arch = "wasm32"))]

use std::cell::RefCell;
use std::rc::Rc;

use interleave::demos::find;
use interleave::demos::params::Form;
use interleave::model::{describe, LogKind, State};
use interleave::play::examples;
use interleave::runtime::Phase;
use interleave::session::{
    peek, Action, At, Finish, LitLine, Program, RunState, Selection, Session, Shared, Stream, Upto, TO_END_BUDGET_MS,
};
use interleave::trace::{TaskId, Wait};

fn python(source: &str) -> Rc<Program> {
    Rc::new(Program::python(source).unwrap_or_else(|e| panic!("does not compile: {}", e.report)))
}

fn stepper(source: &str) -> Shared {
    Rc::new(RefCell::new(Session::stepper(python(source))))
}

/// Runs a session to its end and returns (task name, stderr?, text) for every print.
fn run_prints(s: &mut Session) -> Vec<(String, bool, String)> {
    s.run_to_end();
    let trace = s.trace();
    let m = s.model();
    m.log
        .iter()
        .filter_map(|l| match l.kind {
            LogKind::Print(text) => {
                let who = m.lanes.get(l.task.0 as usize).map_or("<module>".to_string(), |lane| lane.name.clone());
                Some((who, s.stream(l.event) == Stream::Stderr, trace.resolve(text).to_string()))
            }
            _ => None,
        })
        .collect()
}

/// Runs `source` to its end and describes each wait of its `main()` task, in order.
fn main_waits(source: &str) -> Vec<String> {
    let s = stepper(source);
    s.borrow_mut().run_to_end();
    let s = s.borrow();
    let (m, trace) = (s.model(), s.trace());
    let main = m.lanes.iter().find(|l| l.name == "main()").expect("a lane for main()");
    main.segments
        .iter()
        .filter_map(|seg| match &seg.state {
            State::Waiting(w) => Some(describe::wait(w, m, &trace)),
            _ => None,
        })
        .collect()
}

const GATHER: &str = "import asyncio

async def nap(name, seconds):
    print(name, 'naps')
    await asyncio.sleep(seconds)
    return name

async def main():
    print(await asyncio.gather(nap('A', 1.0), nap('B', 0.5)))

print('module code runs first')
asyncio.run(main())
";

#[test]
fn a_python_program_prints_with_its_tasks_and_exits_0() {
    let s = stepper(GATHER);
    let prints = run_prints(&mut s.borrow_mut());
    assert_eq!(
        prints,
        vec![
            ("<module>".into(), false, "module code runs first".into()),
            ("nap('A', 1.0)".into(), false, "A naps".into()),
            ("nap('B', 0.5)".into(), false, "B naps".into()),
            ("main()".into(), false, "['A', 'B']".into()),
        ]
    );
    let s = s.borrow();
    assert_eq!(s.finish(), Some(Finish::Exited(0)));
    assert_eq!(s.phase(), Phase::Finished);
    assert_eq!(s.model().span(), 1_000_000);
}

#[test]
fn a_traceback_goes_to_stderr_and_the_exit_status_is_1() {
    let s = stepper("import asyncio\n\nasync def main():\n    print('before')\n    1 / 0\n\nasyncio.run(main())\n");
    let prints = run_prints(&mut s.borrow_mut());
    assert_eq!(prints[0], ("main()".into(), false, "before".into()));
    let stderr: Vec<&str> = prints.iter().filter(|p| p.1).map(|p| p.2.as_str()).collect();
    assert_eq!(stderr.first(), Some(&"Traceback (most recent call last):"));
    assert!(stderr.contains(&"  File \"main.py\", line 5, in main"), "{stderr:?}");
    assert_eq!(stderr.last(), Some(&"ZeroDivisionError: division by zero"));
    assert_eq!(s.borrow().finish(), Some(Finish::Exited(1)));
}

#[test]
fn sys_exit_with_a_status_prints_nothing_on_stderr_and_a_traceback_does() {
    let s = stepper(
        "import asyncio, sys\n\nasync def main():\n    print('in main')\n    sys.exit(3)\n\nasyncio.run(main())\n",
    );
    s.borrow_mut().run_to_end();
    assert_eq!(s.borrow().finish(), Some(Finish::Exited(3)));
    assert!(!s.borrow().printed_to_stderr(), "sys.exit(3) has no error for the status line to point to");
    let s = stepper("raise ValueError('no')\n");
    s.borrow_mut().run_to_end();
    assert_eq!(s.borrow().finish(), Some(Finish::Exited(1)));
    assert!(s.borrow().printed_to_stderr());
}

#[test]
fn an_int_sleep_is_shown_as_written_and_a_float_one_with_its_point() {
    let waits = main_waits("import asyncio\n\nasync def main():\n    await asyncio.sleep(4)\n    await asyncio.sleep(True)\n    await asyncio.sleep(4.0)\n    await asyncio.sleep(0.25)\n\nasyncio.run(main())\n");
    assert_eq!(waits, ["sleep(4)", "sleep(1)", "sleep(4.0)", "sleep(0.25)"]);
}

#[test]
fn a_syntax_error_is_refused_with_its_place() {
    let e = Program::python("print('hi')\nfor x in range(3)\n    print(x)\n").err().expect("a syntax error");
    assert_eq!(e.line, 2);
    assert_eq!(e.message, "expected ':'");
    assert!(e.report.contains("SyntaxError"), "{}", e.report);
}

#[test]
fn a_demo_runs_its_python_and_reads_like_its_rust_twin() {
    let gather = find("gather").expect("gather");
    let program = Program::demo(gather, &Form::defaults(gather.params())).expect("valid defaults");
    assert!(program.source().is_some_and(|s| s.contains("asyncio.gather(")), "runs the Python");
    let mut s = Session::stepper(Rc::new(program));
    s.run_to_end();
    assert_eq!(s.finish(), Some(Finish::Returned("None".into())));
    assert!(s.explain().contains("1.50 s"), "{}", s.explain());
    assert_eq!(s.label(), "gather, lesson values · run 0 (step mode)");
}

#[test]
fn a_demo_with_an_invalid_value_is_no_program() {
    let gather = find("gather").expect("gather");
    let mut form = Form::defaults(gather.params());
    form.raw[0] = "soon".into();
    assert!(Program::demo(gather, &form).is_none());
}

#[test]
fn next_steps_one_resume_at_a_time_and_back_replays() {
    let state = RunState::default().apply(Action::Run(stepper(GATHER)));
    assert!(state.stepping());
    assert_eq!(state.runs, 1);
    let s = state.current.clone().expect("a run");
    assert_eq!(s.borrow().model().steps.len(), 0, "nothing runs before Next");

    let state = state.apply(Action::Next);
    assert_eq!(state.at, At { time: None, selection: Some(Selection::Step(0)) });
    assert_eq!(s.borrow().model().steps.len(), 1);
    let state = state.apply(Action::Next).apply(Action::Next);
    assert_eq!(s.borrow().model().steps.len(), 3);
    assert_eq!(state.at.selection, Some(Selection::Step(2)));

    // Back shows the step before, pinned at its start; Next then replays the recording
    // without running anything new.
    let back = state.apply(Action::Back);
    assert_eq!(back.at.selection, Some(Selection::Step(1)));
    assert_eq!(back.at.time, Some(s.borrow().model().steps[1].start));
    let again = back.apply(Action::Next);
    assert_eq!(again.at.selection, Some(Selection::Step(2)));
    assert_eq!(again.at.time, None, "the last step is the live end");
    assert_eq!(s.borrow().model().steps.len(), 3, "replaying ran nothing");

    // Back at the first step stays there.
    let first = again.apply(Action::Back).apply(Action::Back).apply(Action::Back);
    assert_eq!(first.at.selection, Some(Selection::Step(0)));

    let end = first.apply(Action::ToEnd);
    assert_eq!(end.at, At::default());
    assert_eq!(s.borrow().phase(), Phase::Finished);
    // Once over, Next has nothing more to run.
    let steps = s.borrow().model().steps.len();
    let after = end.apply(Action::Select(Selection::Step(steps - 1))).apply(Action::Next);
    assert_eq!(after.at.selection, Some(Selection::Step(steps - 1)));
}

#[test]
fn select_and_scrub_move_the_cursor() {
    let state = RunState::default().apply(Action::Run(stepper(GATHER))).apply(Action::ToEnd);
    let s = state.current.clone().expect("a run");
    let (log_time, span) = {
        let s = s.borrow();
        (s.model().log[2].time, s.model().span())
    };
    let picked = state.apply(Action::Select(Selection::Log(2)));
    assert_eq!(picked.at, At { time: Some(log_time), selection: Some(Selection::Log(2)) });
    // A pick that does not exist changes nothing.
    assert_eq!(picked.apply(Action::Select(Selection::Step(10_000))).at, picked.at);

    let scrubbed = picked.apply(Action::Scrub(400_000));
    assert_eq!(scrubbed.at, At { time: Some(400_000), selection: None });
    assert!(scrubbed.at.replaying(s.borrow().model()));
    // Within a millisecond of the end is the end: follow the run live.
    assert_eq!(scrubbed.apply(Action::Scrub(span - 500)).at, At::default());
}

#[test]
fn keep_leaves_the_run_shown_until_the_next_one_and_run_numbers_count() {
    let state = RunState::default().apply(Action::Run(stepper(GATHER))).apply(Action::ToEnd).apply(Action::Keep);
    // Kept, the run stays the one shown (its output, steps and summary), marked as kept.
    assert!(state.current_is_kept());
    assert!(state.kept_other().is_none(), "nothing to compare with yet");
    let kept = state.kept.clone().expect("kept");
    assert_eq!(kept.borrow().number, 1);
    let state = state.apply(Action::Run(stepper("print('edited')\n")));
    assert_eq!(state.current.as_ref().map(|s| s.borrow().number), Some(2));
    assert!(!state.current_is_kept());
    assert!(state.kept_other().is_some_and(|k| Rc::ptr_eq(k, &kept)), "the kept run stays while the next one runs");
    assert!(state.apply(Action::DropKept).kept.is_none());
}

#[test]
fn a_kept_run_and_the_next_are_compared_in_a_table_and_a_sentence() {
    let one_by_one = "import asyncio\n\nasync def fetch(name):\n    print(name, 'start')\n    await asyncio.sleep(1)\n    print(name, 'done')\n\nasync def main():\n    await fetch('A')\n    await fetch('B')\n    await fetch('C')\n\nasyncio.run(main())\n";
    let gathered = one_by_one.replace(
        "    await fetch('A')\n    await fetch('B')\n    await fetch('C')\n",
        "    await asyncio.gather(fetch('A'), fetch('B'), fetch('C'))\n",
    );
    let state = RunState::default().apply(Action::Run(stepper(one_by_one))).apply(Action::ToEnd).apply(Action::Keep);
    let state = state.apply(Action::Run(stepper(&gathered))).apply(Action::ToEnd);
    let (kept, current) =
        (state.kept_other().expect("a kept run").borrow(), state.current.as_ref().expect("a run").borrow());
    assert_eq!((kept.output_lines(), current.output_lines()), (6, 6));
    let c = current.compared_with(&kept);
    assert_eq!(c.heads, ["Kept: run 1".to_string(), "This run: run 2".to_string()]);
    let rows: Vec<(&str, [&str; 2])> =
        c.rows.iter().map(|r| (r.name, [r.values[0].as_str(), r.values[1].as_str()])).collect();
    assert_eq!(
        rows,
        [
            ("Program", ["your program (13 lines)", "your program (11 lines)"]),
            ("Speed", ["step mode"; 2]),
            ("Total time", ["3.00 s", "1.00 s"]),
            ("Most tasks waiting at once", ["1", "3"]),
            ("Tasks", ["1", "4"]),
            ("Output lines", ["6"; 2]),
        ]
    );
    assert_eq!(c.point, "Run 2 finished 3.0× sooner: its tasks waited 3 at once, run 1's waited one at a time.");
}

#[test]
fn stop_cancels_every_pending_task() {
    let state = RunState::default().apply(Action::Run(stepper(GATHER))).apply(Action::Next).apply(Action::Next);
    let state = state.apply(Action::Stop);
    let s = state.current.clone().expect("a run");
    assert_eq!(s.borrow().finish(), Some(Finish::Stopped));
    assert!(!s.borrow().running());
    let state = state.apply(Action::Refresh);
    assert!(state.version > 0);
}

#[test]
fn every_task_has_its_line_while_it_waits() {
    let s = stepper(GATHER);
    s.borrow_mut().run_to_end();
    let s = s.borrow();
    let m = s.model();
    // Half a second in: A and B wait at the sleep (line 5), main at the gather (line 9).
    let lit = s.lines().lit(m, Upto::Time(250_000));
    let names: Vec<(u32, Vec<&str>)> =
        lit.iter().map(|l| (l.line, l.tasks.iter().map(|(_, n)| n.as_str()).collect())).collect();
    assert_eq!(names, vec![(5, vec!["nap('A', 1.0)", "nap('B', 0.5)"]), (9, vec!["main()"])]);
    // After B returned, only A and main are still on a line.
    let lit = s.lines().lit(m, Upto::Time(600_000));
    assert_eq!(lit.iter().map(|l| l.tasks.len()).sum::<usize>(), 2);
    // At the end nothing is alive.
    assert!(s.lines().lit(m, Upto::Time(m.span())).is_empty());

    // A step's line is where it left its task.
    let first_of_a = m.steps.iter().position(|st| st.task == TaskId(1)).expect("A ran");
    assert_eq!(s.lines().line_of_step(m, first_of_a), Some(5));
    // The other way round: line 5 is where A and B's first steps ended and their last began.
    let at_5 = s.lines().steps_at_line(m, 5);
    assert!(at_5.contains(&first_of_a));
    assert!(at_5.iter().all(|&k| m.steps[k].task != TaskId(0)), "main never waited at line 5");
}

#[test]
fn a_folded_code_column_says_where_the_tasks_are_or_the_picked_line() {
    let s = stepper(GATHER);
    s.borrow_mut().run_to_end();
    let s = s.borrow();
    let m = s.model();
    let lit = s.lines().lit(m, Upto::Time(250_000));
    assert_eq!(peek(GATHER, None, &lit), "2 tasks on line 5 · main() on line 9");
    let lit = s.lines().lit(m, Upto::Time(600_000));
    assert_eq!(peek(GATHER, None, &lit), "nap('A', 1.0) on line 5 · main() on line 9");
    assert_eq!(peek(GATHER, Some(5), &lit), format!("line 5: {}", GATHER.lines().nth(4).unwrap().trim()));
    assert_eq!(peek(GATHER, None, &[]), "");
    // A long line is cut with an ellipsis; a line past the end reads empty, never panics.
    let long = format!("x = '{}'", "y".repeat(80));
    assert_eq!(peek(&long, Some(1), &[]).chars().count(), "line 1: ".len() + 41);
    assert_eq!(peek("", Some(9), &[]), "line 9: ");
    // More than three lines: the rest are counted.
    let many: Vec<LitLine> =
        (1..=5).map(|line| LitLine { line, tasks: vec![(TaskId(line), format!("t{line}()"))] }).collect();
    assert_eq!(peek("", None, &many), "t1() on line 1 · t2() on line 2 · t3() on line 3 · 2 more lines");
}

#[test]
fn a_picked_step_lights_the_lines_as_they_stood_after_it() {
    let state = RunState::default().apply(Action::Run(stepper(GATHER)));
    let state = state.apply(Action::Next).apply(Action::Next).apply(Action::Next);
    let s = state.current.clone().expect("a run");
    let s = s.borrow();
    let m = s.model();
    // Three steps: main (to the gather), A (to its sleep), B (to its sleep).
    let lit = s.lines().lit(m, state.at.upto(m));
    assert_eq!(lit.iter().map(|l| l.line).collect::<Vec<_>>(), vec![5, 9]);
    let back = state.apply(Action::Back);
    let lit = s.lines().lit(m, back.at.upto(m));
    let on_5: Vec<&str> =
        lit.iter().filter(|l| l.line == 5).flat_map(|l| l.tasks.iter().map(|t| t.1.as_str())).collect();
    assert_eq!(on_5, vec!["nap('A', 1.0)"], "after A's step, B has not reached its sleep");
}

#[test]
fn the_step_that_ends_a_task_is_at_the_line_it_returned_or_raised_at() {
    let s = stepper(GATHER);
    s.borrow_mut().run_to_end();
    let s = s.borrow();
    let m = s.model();
    let last_step = |name: &str| {
        let task = m.lanes.iter().find(|l| l.name == name).expect("a lane").id;
        m.steps.iter().rposition(|st| st.task == task).expect("it ran")
    };
    // B's last step runs from its sleep to `return name`: that line, not the sleep's, where
    // A still waits (a picked step lit A's line as if it were B's).
    assert_eq!(s.lines().line_of_step(m, last_step("nap('B', 0.5)")), Some(6));
    assert_eq!(s.lines().line_of_step(m, last_step("main()")), Some(9));
    let failing = stepper(
        "import asyncio\n\nasync def main():\n    await asyncio.sleep(0)\n    x = 1\n    raise ValueError(x)\n\nasyncio.run(main())\n",
    );
    failing.borrow_mut().run_to_end();
    let f = failing.borrow();
    let main_steps = f.model().steps.len();
    assert_eq!(f.lines().line_of_step(f.model(), main_steps - 1), Some(6), "the raise");
}

#[test]
fn every_tutorial_example_compiles_and_the_first_one_runs() {
    for e in examples::TUTORIALS {
        assert!(Program::python(e.code).is_ok(), "{} does not compile", e.key);
    }
    let first = examples::code(examples::FIRST).expect("the first example");
    let s = stepper(&first);
    let prints = run_prints(&mut s.borrow_mut());
    assert_eq!(prints.last().map(|p| p.2.as_str()), Some("results, in the order passed: ['A', 'B', 'C']"));
}

/// The Python docs' first example prints times of day: the run's clock starts at midnight, and
/// the page says so once, beside the output (CPython prints the real time of day).
#[test]
fn the_docs_say_after_example_prints_its_times_on_the_runs_clock() {
    let code = examples::code("say-after").expect("the say_after example");
    let s = stepper(&code);
    let prints: Vec<String> = run_prints(&mut s.borrow_mut()).into_iter().map(|p| p.2).collect();
    assert_eq!(prints.len(), 5, "{prints:?}");
    assert!(prints[0].contains("2026-01-01 00:00:00"), "the note on times of day comes first: {prints:?}");
    assert_eq!(prints[1..], ["started at 00:00:00", "hello", "world", "finished at 00:00:02"]);
}

/// Step mode's "Run to the end" on a program that never ends pauses after its budget, saying
/// so, instead of holding the page for good; stepping on still works.
#[test]
fn run_to_end_of_a_program_that_never_ends_pauses_after_its_budget() {
    let s = stepper(
        "import asyncio\n\nasync def main():\n    while True:\n        await asyncio.sleep(0)\n\nasyncio.run(main())\n",
    );
    let started = std::time::Instant::now();
    s.borrow_mut().run_to_end();
    let took = started.elapsed().as_secs_f64() * 1000.0;
    let mut s = s.borrow_mut();
    assert!(s.to_end_cut && s.running(), "the run is paused, not over");
    assert!((TO_END_BUDGET_MS * 0.9..TO_END_BUDGET_MS * 3.0).contains(&took), "took {took:.0} ms");
    assert!(s.step(), "stepping goes on");
    assert!(!s.to_end_cut, "a step clears the notice");
}

#[test]
fn a_simulated_request_is_labelled_fetch_and_its_url_once() {
    let code = examples::code("aiohttp").expect("the aiohttp example");
    let s = stepper(&code);
    s.borrow_mut().run_to_end();
    let s = s.borrow();
    let (m, trace) = (s.model(), s.trace());
    let labels: Vec<String> = m
        .lanes
        .iter()
        .flat_map(|l| &l.segments)
        .filter_map(|seg| match &seg.state {
            State::Waiting(w @ Wait::Fetch { .. }) => Some(describe::wait(w, m, &trace)),
            _ => None,
        })
        .collect();
    assert!(!labels.is_empty(), "no request waits were recorded");
    for uid in 1..=5 {
        let want = format!("fetch https://api.example.com/users/{uid}");
        assert!(labels.contains(&want), "{want:?} not among {labels:?}");
    }
    assert!(labels.iter().all(|l| l.matches("fetch").count() == 1), "{labels:?}");
}

#[test]
fn a_task_awaiting_gather_waits_on_gather_with_its_children_left() {
    // B's end at 0.5 s leaves one: the wait reads so from then on (main is not woken).
    let waits = main_waits(GATHER);
    assert_eq!(
        waits,
        ["gather (2 left)", "gather (1 left)"],
        "main() waits on the gather of A and B, not on 'a future'"
    );
    let s = stepper(GATHER);
    s.borrow_mut().run_to_end();
    let s = s.borrow();
    let (m, trace) = (s.model(), s.trace());
    let main = m.lanes.iter().find(|l| l.name == "main()").expect("a lane for main()");
    // Scrubbed to an instant, the wait reads as it stood then.
    let at = |t| match main.state_at(t) {
        Some(State::Waiting(w)) => describe::wait(&w, m, &trace),
        other => format!("{other:?}"),
    };
    assert_eq!(at(250_000), "gather (2 left)");
    assert_eq!(at(750_000), "gather (1 left)");
    // Each part, too narrow for its whole label, still says its count.
    let short: Vec<String> = main.segments.iter().filter_map(describe::segment_short_label).collect();
    assert_eq!(short, ["2 left", "1 left"]);
    // Still one wait: the step that began it is outlined with all of it, and the timeline in
    // words tells it once.
    let step = m.steps.iter().find(|st| st.task == main.id && st.until.is_some()).expect("main's first step");
    assert_eq!(interleave::model::layout::wait_after(main, step, m.span()), Some(1_000_000));
    let alt = interleave::model::words::text_alternative(m, &trace, None);
    assert!(alt.contains("it waited on gather (2 left); it returned"), "{alt}");
}

#[test]
fn asyncio_wait_counts_down_its_tasks_left_as_they_finish() {
    let waits = main_waits(
        "import asyncio

async def main():
    tasks = [asyncio.create_task(asyncio.sleep(d)) for d in (0.1, 0.2, 0.3)]
    await asyncio.wait(tasks)

asyncio.run(main())
",
    );
    assert_eq!(waits, ["wait (3 left)", "wait (2 left)", "wait (1 left)"]);
}

/// The page's warm-up program (`session::warm_up`) runs to its end printing what CPython
/// prints (checked against `python3` when it is installed), and leaves the engine idle.
#[test]
fn the_warm_up_runs_to_its_end_as_cpython_does() {
    let mut s = interleave::session::warm_up().expect("nothing else is running");
    let printed: Vec<String> = run_prints(&mut s).into_iter().map(|(_, _, text)| text).collect();
    assert_eq!(s.finish(), Some(Finish::Exited(0)), "the warm-up ended badly: {printed:?}");
    match std::process::Command::new("python3").arg("-c").arg(interleave::session::WARM_UP).output() {
        Ok(out) => {
            let want: Vec<String> = String::from_utf8_lossy(&out.stdout).lines().map(str::to_string).collect();
            assert_eq!(printed, want);
        }
        Err(_) => eprintln!("python3 is not installed: skipping the check against CPython"),
    }
    drop(s);
    assert!(interleave::session::warm_up().is_some(), "a finished warm-up leaves the engine free for another");
}

/// The warm-up is for before the first run: never beside a program that is running (the
/// engine's task tables are one program's at a time), nor after. The program paused in step
/// mode goes on to print what it would have.
#[test]
fn the_warm_up_never_runs_once_a_run_has_begun() {
    let s = stepper(GATHER);
    for _ in 0..3 {
        s.borrow_mut().step();
    }
    assert!(interleave::session::warm_up().is_none(), "the warm-up ran beside a paused program");
    let printed: Vec<String> = run_prints(&mut s.borrow_mut()).into_iter().map(|(_, _, text)| text).collect();
    assert_eq!(printed, ["module code runs first", "A naps", "B naps", "['A', 'B']"]);
}

/// A Rust twin's run has no interpreter, and still stops the warm-up: it would hold the loop
/// while the twin plays.
#[test]
fn a_rust_twin_run_stops_the_warm_up_too() {
    let twin = find("to-thread").expect("the to-thread demo");
    let program = Program::demo(twin, &Form::defaults(twin.params())).expect("valid defaults");
    let _session = Session::stepper(Rc::new(program));
    assert!(interleave::session::warm_up().is_none(), "the warm-up ran beside a Rust twin's run");
}

#[test]
fn a_task_lane_reads_like_its_call_with_plain_arguments_shown_or_bears_its_given_name() {
    let s = stepper(
        "import asyncio

class Job:
    def __repr__(self):
        print('__repr__ ran')
        return 'Job'

async def work(*args):
    await asyncio.sleep(0)

async def fetch(i, retries=3, timeout=None):
    await asyncio.sleep(0)

async def get(url, *, timeout=10, tries=1):
    await asyncio.sleep(0)

async def main():
    big = list(range(1000))
    await asyncio.gather(
        work('a', 1, 2.5, None), work([1, 2], {'k': True}), work(big, [Job()]), work(Job()), asyncio.sleep(0.1)
    )
    async with asyncio.TaskGroup() as tg:
        tg.create_task(work(1), name='job-1')
        tg.create_task(work(2))
    await asyncio.gather(fetch(1), fetch(2, 5), fetch(3, 3, 1.5))
    await asyncio.gather(get('a'), get('b', tries=2), get('c', timeout=2.5, tries=1))

asyncio.run(main())
",
    );
    let prints = run_prints(&mut s.borrow_mut());
    assert!(prints.is_empty(), "no __repr__ of the program runs for a label: {prints:?}");
    let s = s.borrow();
    let names: Vec<&str> = s.model().lanes.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "main()",
            "work('a', 1, 2.5, None)",
            "work([1, 2], {'k': True})",
            "work(<list>, <list>)",
            "work(<Job>)",
            "sleep()",
            "job-1",
            "work(2)",
            // Trailing arguments at their defaults are left out, as the call left them.
            "fetch(1)",
            "fetch(2, 5)",
            "fetch(3, 3, 1.5)",
            // Keyword-only ones as passed, by name, unless at their defaults.
            "get('a')",
            "get('b', tries=2)",
            "get('c', timeout=2.5)"
        ]
    );
}

#[test]
fn timers_made_late_by_a_blocked_loop_count_only_their_own_wait() {
    let s = stepper(
        "import asyncio, time

async def ticker():
    for _ in range(5):
        await asyncio.sleep(0.2)

async def blocker():
    time.sleep(1)

async def main():
    await asyncio.gather(ticker(), blocker())

asyncio.run(main())
",
    );
    s.borrow_mut().run_to_end();
    let s = s.borrow();
    let x = interleave::model::metrics(s.model());
    // One after another: five 0.2 s sleeps, then the 1 s block, not the sleep the block made late.
    assert_eq!(x.io_waits, 1_000_000);
    assert!((1_000_000..1_010_000).contains(&x.busy), "{x:?}");
    assert!(x.speedup < 1.2, "{x:?}");
}

#[test]
fn a_task_pending_at_the_end_is_called_forgotten_only_when_main_returned() {
    let pending = |main: &str| {
        let s = stepper(&format!(
            "import asyncio\n\nasync def boom():\n    raise ValueError('boom')\n\nasync def main():\n{main}\n\nasyncio.run(main())\n"
        ));
        s.borrow_mut().run_to_end();
        let s = s.borrow();
        let trace = s.trace();
        interleave::model::warnings(s.model(), &trace)
            .into_iter()
            .filter(|w| w.kind == interleave::model::WarnKind::PendingAtEnd)
            .count()
    };
    // Gathered, then main raised with the gather: asyncio.run cancelled a task that was awaited.
    assert_eq!(pending("    await asyncio.gather(boom(), asyncio.sleep(1))"), 0);
    // Created and never awaited, and main returned: the advice holds.
    assert_eq!(pending("    asyncio.create_task(asyncio.sleep(1))\n    await asyncio.sleep(0)"), 1);
}

#[test]
fn a_task_leaving_a_task_group_waits_on_the_group_with_its_tasks_left() {
    let waits = main_waits(
        "import asyncio

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(asyncio.sleep(0.5))
        tg.create_task(asyncio.sleep(1.0))

asyncio.run(main())
",
    );
    assert_eq!(waits, ["TaskGroup (2 left)", "TaskGroup (1 left)"], "main() waits on its group, not on 'a future'");
}

#[test]
fn a_program_interleave_stops_ends_halted_and_says_why_once_on_stderr() {
    // A regular expression that backtracks without end: its step budget stops the program on
    // any clock, at once.
    let s = stepper("import re\n\nprint('before')\nre.match('(a+)+$', 'a' * 40 + 'b')\nprint('after')\n");
    let prints = run_prints(&mut s.borrow_mut());
    let Some(Finish::Halted(why)) = s.borrow().finish() else { panic!("not halted: {:?}", s.borrow().finish()) };
    assert!(why.starts_with("the regular expression took more than 10000000 steps"), "{why}");
    assert_eq!(prints, [("<module>".into(), false, "before".into()), ("<module>".into(), true, why)]);
    let s = s.borrow();
    let said = s.what_happened();
    assert!(said.starts_with("Interleave stopped the program at "), "{said}");
    assert!(!said.contains("faster"), "no speed-up is claimed for a stopped run: {said}");
}

#[test]
fn a_timer_the_hold_made_overdue_that_never_fired_is_not_said_to_have_fired() {
    // main() holds the loop past the ticker's next timer, then the ticker is cancelled before
    // that timer can fire: the figures may not say it fired late.
    let s = stepper(
        "import asyncio\nimport time\n\nasync def ticker():\n    while True:\n        await asyncio.sleep(0.1)\n\nasync def main():\n    t = asyncio.create_task(ticker())\n    await asyncio.sleep(0.25)\n    time.sleep(1)\n    t.cancel()\n\nasyncio.run(main())\n",
    );
    s.borrow_mut().run_to_end();
    let s = s.borrow();
    let trace = s.trace();
    let m = s.model();
    assert!(m.late.iter().all(|l| l.cancelled), "{:?}", m.late);
    let headline = interleave::model::words::headline(m, &trace).join("; ");
    assert!(!headline.contains("fired up to"), "{headline}");
    let warned = interleave::model::warnings(m, &trace);
    let held =
        warned.iter().find(|w| w.kind == interleave::model::WarnKind::BlockedLoop).expect("the hold is warned of");
    assert!(
        held.text.ends_with("A timer due meanwhile never fired: its task ended 950 ms past its time."),
        "{}",
        held.text
    );
}

#[test]
fn what_a_program_prints_after_the_recording_is_full_is_kept() {
    // A million turns of `sleep(0)` fill the million events the recorder keeps; the last line,
    // printed after that, is the program's own output and must not go with the events.
    let s = stepper(
        "import asyncio\n\nasync def spin():\n    for _ in range(100000):\n        await asyncio.sleep(0)\n\nasync def main():\n    print('start')\n    await asyncio.gather(*(spin() for _ in range(10)))\n    print('done')\n\nasyncio.run(main())\n",
    );
    let recorded = run_prints(&mut s.borrow_mut());
    let s = s.borrow();
    assert!(s.model().dropped > 0, "the recording was cut");
    assert_eq!(recorded, [("main()".into(), false, "start".into())]);
    let after_cut = s.printed_after_cut();
    let after: Vec<(&str, bool, &str)> = after_cut
        .iter()
        .map(|p| (describe::task_name(s.model(), p.task), p.stream == Stream::Stderr, p.text.as_str()))
        .collect();
    assert_eq!(after, [("main()", false, "done")]);
    assert_eq!(s.finish(), Some(Finish::Exited(0)));
}

#[test]
fn a_script_without_an_event_loop_is_not_said_to_finish_in_no_time() {
    let s = stepper("print('hello')\n");
    let prints = run_prints(&mut s.borrow_mut());
    assert_eq!(prints, [("<module>".into(), false, "hello".into())]);
    let said = s.borrow().explain();
    assert_eq!(said, "No event loop ran (the program never called asyncio.run), so there is no task to draw.");
}

#[test]
fn a_task_interleave_stopped_is_said_stopped_not_raised() {
    // main() runs a regular expression that backtracks without end: Interleave stops the
    // program, and main() ends with that error, which it did not raise.
    let s = stepper(
        "import asyncio\nimport re\n\nasync def main():\n    await asyncio.sleep(0.25)\n    re.match('(a+)+$', 'a' * 40 + 'b')\n\nasyncio.run(main())\n",
    );
    s.borrow_mut().run_to_end();
    let s = s.borrow();
    let Some(Finish::Halted(why)) = s.finish() else { panic!("not halted: {:?}", s.finish()) };
    let (m, trace) = (s.model(), s.trace());
    let figures = interleave::model::words::headline_from(m, &interleave::model::metrics(m), &trace, Some(&why));
    assert_eq!(figures[0], "stopped by Interleave after 250 ms", "{figures:?}");
    assert!(!figures.iter().any(|f| f.contains("raised")), "the halt is not the task raising: {figures:?}");
    // Without the halt's words the same ending reads as an exception (as a program's own does).
    let plain = interleave::model::words::headline(m, &trace);
    assert!(plain.contains(&"1 task raised".to_string()), "{plain:?}");
}

#[test]
fn the_svg_export_says_how_a_halted_or_stopped_run_ended() {
    use interleave::model::export::{svg_with, SvgOptions, SvgRun, LIGHT};
    use interleave::model::viewport::Axis;
    let export = |s: &Session| {
        let (trace, halted) = (s.trace(), s.halted());
        let run = SvgRun { label: "run", model: s.model(), rec: &trace, halted: halted.as_deref() };
        svg_with(
            run,
            None,
            &SvgOptions { title: "t", width: 800, max_rows: 10, palette: &LIGHT, axis: Axis::Time, point: None },
        )
    };
    // The loop budget (here a regular expression's step budget) stopped it: said so, as the
    // status line does, and main() is not counted as raising.
    let s = stepper(
        "import asyncio\nimport re\n\nasync def main():\n    await asyncio.sleep(0.25)\n    re.match('(a+)+$', 'a' * 40 + 'b')\n\nasyncio.run(main())\n",
    );
    s.borrow_mut().run_to_end();
    let svg = export(&s.borrow());
    assert!(svg.contains("run: stopped by Interleave after 250 ms"), "{svg}");
    assert!(svg.contains("main() ran 2 times; it waited on sleep(0.25); Interleave stopped it at 0.250 s"), "{svg}");
    // The legend's ✗ too: "stopped by Interleave", not "raised".
    assert!(svg.contains("stopped by Interleave</text>"), "{svg}");
    assert!(!svg.contains("raised"), "{svg}");
    // Stop pressed: "stopped with Stop", and the cancelled tasks are not said to have raised.
    let s = stepper(TICKER);
    step_until(&mut s.borrow_mut(), 350_000);
    s.borrow_mut().stop();
    assert_eq!(s.borrow().finish(), Some(Finish::Stopped));
    let svg = export(&s.borrow());
    assert!(svg.contains("run: stopped with Stop after"), "{svg}");
    assert!(!svg.contains("raised"), "{svg}");
}

#[test]
fn a_gather_of_100k_children_records_its_countdown_coarsely() {
    // Each child that finishes used to record a `Left` (100k events, 4 MB of a 40 MB cap); the
    // countdown keeps two significant digits (every count under 100), which is all a lane or a
    // tip can show of it.
    let s = stepper(
        "import asyncio\n\nasync def child():\n    await asyncio.sleep(0)\n\nasync def main():\n    await asyncio.gather(*(child() for _ in range(100000)))\n\nasyncio.run(main())\n",
    );
    s.borrow_mut().run_to_end();
    let s = s.borrow();
    let trace = s.trace();
    let lefts: Vec<u32> = trace
        .events()
        .iter()
        .filter_map(|e| match e.kind {
            interleave::trace::EventKind::Left { left } => Some(left),
            _ => None,
        })
        .collect();
    eprintln!("Left events: {}; recorder: {} bytes", lefts.len(), trace.memory_bytes());
    assert!(lefts.len() < 600, "{} Left events", lefts.len());
    assert!(lefts.contains(&57_000) && lefts.contains(&5_700) && lefts.contains(&57), "{lefts:?}");
    // main()'s wait reads each recorded count, counting down to the last child.
    let main = s.model().lanes.iter().find(|l| l.name == "main()").expect("main()");
    let counts: Vec<u32> = main
        .segments
        .iter()
        .filter_map(|seg| match seg.state {
            State::Waiting(Wait::Many { pending, .. }) => Some(pending),
            _ => None,
        })
        .collect();
    assert!(counts.windows(2).all(|w| w[0] > w[1]), "{counts:?}");
    assert_eq!(counts.last(), Some(&1), "{counts:?}");
}

#[test]
fn module_code_before_asyncio_run_is_drawn_as_such_and_blocks_no_loop() {
    use interleave::model::export::{svg_with, SvgOptions, SvgRun, LIGHT};
    use interleave::model::viewport::Axis;
    let s = stepper(
        "import asyncio\nimport time\n\nprint('loading')\ntime.sleep(2)\nfor i in range(3):\n    print(i)\n\nasync def main():\n    await asyncio.sleep(0.5)\n    time.sleep(0.2)\n\nasyncio.run(main())\n",
    );
    s.borrow_mut().run_to_end();
    let s = s.borrow();
    let (m, trace) = (s.model(), s.trace());
    // The top level's two seconds, up to asyncio.run's first task.
    assert_eq!(m.module_stretch(), Some((0, 2_000_000)));
    assert_eq!(describe::module_band(m), "module code (before asyncio.run)");
    // Its time.sleep is not said to block a loop that was not running; main()'s is.
    let blocked: Vec<String> = m
        .log
        .iter()
        .filter(|l| matches!(l.kind, LogKind::Blocked(..)))
        .map(|l| describe::log_line(l, m, &trace))
        .collect();
    assert_eq!(
        blocked,
        ["time.sleep held the program for 2.00 s (no event loop was running yet)", "blocked the whole loop for 200 ms"]
    );
    let alt = interleave::model::words::text_alternative(m, &trace, None);
    assert!(alt.contains("For its first 2.00 s, the program's top level ran before asyncio.run started the event loop: no loop was running yet."), "{alt}");
    let legend: Vec<&str> = interleave::model::style::legend(m).iter().map(|s| s.label).collect();
    assert!(legend.contains(&"module code"), "{legend:?}");
    let svg = svg_with(
        SvgRun { label: "run", model: m, rec: &trace, halted: None },
        None,
        &SvgOptions { title: "t", width: 800, max_rows: 10, palette: &LIGHT, axis: Axis::Time, point: None },
    );
    assert!(
        svg.contains("module code (before asyncio.run)") && svg.contains("before asyncio.run started the event loop"),
        "{svg}"
    );
    // A program whose loop starts at once has no such band; one with no loop is all module code.
    let quick = stepper("import asyncio\n\nasync def main():\n    print('hi')\n\nasyncio.run(main())\n");
    quick.borrow_mut().run_to_end();
    assert_eq!(quick.borrow().model().module_stretch(), None);
    let plain = stepper("import time\nprint('a')\ntime.sleep(1)\nprint('b')\n");
    plain.borrow_mut().run_to_end();
    let plain = plain.borrow();
    assert_eq!(plain.model().module_stretch(), Some((0, 1_000_000)));
    assert_eq!(describe::module_band(plain.model()), "module code (no event loop ran)");
}

/// A ticker printing every 0.1 s, for ever.
const TICKER: &str = "import asyncio\n\nasync def tick():\n    i = 0\n    while True:\n        await asyncio.sleep(0.1)\n        print(i)\n        i += 1\n\nasyncio.run(tick())\n";

/// Steps `s` until its clock reaches `until`.
fn step_until(s: &mut Session, until: u64) {
    for _ in 0..100_000 {
        if s.now() >= until {
            return;
        }
        s.step();
    }
    panic!("the clock did not reach {until} µs: {} µs", s.now());
}

#[test]
fn past_a_full_recording_the_lanes_end_at_the_cut_and_stop_says_when_it_was_pressed() {
    let recorder = interleave::trace::Recorder::with_limits(60, 1 << 20);
    let mut s = Session::stepper_with(python(TICKER), recorder);
    step_until(&mut s, 500_000);
    assert_eq!(s.recording_cut(), None, "everything so far is recorded");
    step_until(&mut s, 3_000_000);
    let cut = s.recording_cut().expect("the recorder is full");
    assert!(cut > 0 && cut < 3_000_000, "{cut}");
    assert_eq!(cut, s.model().last_time, "the cut is the last event kept");
    // The run goes on past the cut (step mode covers up to its next timer), the lanes do not.
    assert!(s.covered() > cut && s.recorded_to() == cut, "covered {} recorded to {}", s.covered(), s.recorded_to());
    s.stop();
    assert_eq!(s.finish(), Some(Finish::Stopped));
    let stopped = s.ended_at().expect("the run ended");
    assert!(stopped >= 3_000_000, "{stopped}");
    assert_eq!(s.covered(), stopped, "the axis reaches the stop");
    assert_eq!(s.recorded_to(), cut);
    let said = s.what_happened();
    let at = format!("Stopped at {:.3} s:", stopped as f64 / 1e6);
    assert!(said.starts_with(&at), "{said} (the recording ended at {cut} µs)");
    // What was printed after the cut is in the whole output, after what was recorded.
    let text = s.output_text();
    let lines: Vec<&str> = text.lines().collect();
    let expected: Vec<String> = (0..lines.len()).map(|i| i.to_string()).collect();
    assert_eq!(lines, expected);
    assert!(lines.len() >= 29 && !s.printed_after_cut().is_empty(), "{} lines", lines.len());
}

#[test]
fn a_stop_with_nothing_cut_is_said_at_the_end_of_the_recording() {
    let mut s = Session::stepper(python(TICKER));
    step_until(&mut s, 1_000_000);
    s.stop();
    assert_eq!(s.recording_cut(), None);
    assert_eq!(s.ended_at(), Some(s.model().span()));
    assert_eq!(s.covered(), s.model().span());
    assert!(s.what_happened().starts_with("Stopped at 1.000 s:"), "{}", s.what_happened());
}

#[test]
fn the_whole_output_has_every_line_the_program_printed_but_not_interleave_notes() {
    // A time of day makes Interleave add a note (its clock starts each run at the same time).
    let s = stepper(
        "import sys\nimport time\nfor i in range(1000):\n    print(i)\nprint('oops', file=sys.stderr)\nprint(time.ctime())\n",
    );
    let mut s = s.borrow_mut();
    let prints = run_prints(&mut s);
    let notes = s
        .model()
        .log
        .iter()
        .filter(|l| matches!(l.kind, LogKind::Print(_)) && s.stream(l.event) == Stream::Note)
        .count();
    assert_eq!((prints.len(), notes), (1003, 1), "{:?}", &prints[1000..]);
    let text = s.output_text();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1002);
    assert_eq!((lines[0], lines[999], lines[1000]), ("0", "999", "oops"));
    assert!(lines[1001].starts_with("Thu Jan  1 00:00:00 2026"), "{}", lines[1001]);
}

#[test]
fn a_script_without_a_loop_shows_its_output_in_step_mode() {
    // Step mode runs it whole at the start (there are no tasks to step through): what it
    // printed, and its traceback, are there at once (review 2, #2).
    let state =
        RunState::default().apply(Action::Run(stepper("x = 1\nfor i in range(3):\n    x *= 2\n    print(x)\n")));
    let s = state.current.clone().expect("a run");
    let printed: Vec<String> = s
        .borrow()
        .model()
        .log
        .iter()
        .filter_map(|l| match l.kind {
            LogKind::Print(text) => Some(s.borrow().trace().resolve(text).to_string()),
            _ => None,
        })
        .collect();
    assert_eq!(printed, ["2", "4", "8"]);
    let state = RunState::default().apply(Action::Run(stepper("print('hello')\n1/0\n")));
    let s = state.current.clone().expect("a run");
    assert_eq!(s.borrow().finish(), Some(Finish::Exited(1)));
    assert!(s.borrow().printed_to_stderr(), "the traceback is there");
}
