//! Two runs side by side: a kept run and the current one, as a small table of figures (one
//! column per run) and one plain sentence with the point ("Run 2 finished 3.0× sooner: its
//! tasks waited 3 at once, run 1's one at a time."). The view only shows them.

use super::describe::duration;
use super::holds::holds;
use super::metrics::metrics;
use super::run::{Ending, RunModel};

/// One side of a comparison: the run's recording and what the page knows of it besides.
#[derive(Clone, Copy)]
pub struct Side<'a> {
    /// Which run of its page it is (1, 2, …): the sentence and the columns call it "run N".
    pub number: u32,
    /// What ran: "your program (13 lines)", "gather ?c=0.5".
    pub program: &'a str,
    /// How fast its clock went: "10×", "1×", "step mode".
    pub speed: &'a str,
    pub model: &'a RunModel,
    /// Lines the program printed (stdout and stderr; Interleave's notes left out).
    pub output_lines: usize,
}

/// A row of the table: what it measures, then the kept run's figure and the current run's.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub name: &'static str,
    pub values: [String; 2],
}

/// The comparison, ready to show: column headings (kept run, this run), rows, and the point.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub heads: [String; 2],
    pub rows: Vec<Row>,
    pub point: String,
}

/// What one run's figures are, for the table and the sentence.
struct Figures {
    elapsed: u64,
    peak: u32,
    tasks: usize,
    held: u64,
    /// The longest hold, in words ("2.00 s by blocker()").
    longest_hold: Option<String>,
    failed: usize,
}

fn figures(side: &Side) -> Figures {
    let m = metrics(side.model);
    let longest = holds(side.model).max_by_key(|h| h.held());
    Figures {
        elapsed: m.elapsed,
        peak: m.peak_in_flight,
        tasks: m.tasks,
        held: holds(side.model).map(|h| h.held()).sum(),
        longest_hold: longest.map(|h| h.words(side.model)),
        failed: side.model.lanes.iter().filter(|l| matches!(l.ending, Some((_, Ending::Failed { .. })))).count(),
    }
}

/// The kept run against the current one.
pub fn compare(kept: Side, current: Side) -> Comparison {
    let (a, b) = (figures(&kept), figures(&current));
    let pair = |f: &dyn Fn(&Figures, &Side) -> String| [f(&a, &kept), f(&b, &current)];
    let mut rows = vec![
        Row { name: "Program", values: pair(&|_, s| s.program.to_string()) },
        Row { name: "Speed", values: pair(&|_, s| s.speed.to_string()) },
        Row { name: "Total time", values: pair(&|f, _| duration(f.elapsed)) },
        Row { name: "Most tasks waiting at once", values: pair(&|f, _| f.peak.to_string()) },
        Row { name: "Tasks", values: pair(&|f, _| f.tasks.to_string()) },
    ];
    if a.held > 0 || b.held > 0 {
        let held = |f: &Figures, _: &Side| if f.held > 0 { duration(f.held) } else { "never".into() };
        rows.push(Row { name: "Loop held", values: pair(&held) });
    }
    if a.failed > 0 || b.failed > 0 {
        rows.push(Row { name: "Tasks that raised", values: pair(&|f, _| f.failed.to_string()) });
    }
    rows.push(Row { name: "Output lines", values: pair(&|_, s| s.output_lines.to_string()) });
    Comparison {
        heads: [format!("Kept: run {}", kept.number), format!("This run: run {}", current.number)],
        rows,
        point: point(&a, kept.number, &b, current.number),
    }
}

/// "Run 2 finished 3.0× sooner: its tasks waited 3 at once, run 1's one at a time." The pace,
/// then the first difference of: the loop held in one run and not the other (or held for
/// different times), tasks raising, how many tasks waited at once; else the same shape. A colon
/// says the difference explains the pace (held less or more waiting at once, and sooner); where
/// it does not (the loop never held, yet the run took longer), a semicolon only puts them side
/// by side.
fn point(a: &Figures, kept: u32, b: &Figures, current: u32) -> String {
    let (why, sooner) = match (&a.longest_hold, &b.longest_hold) {
        (Some(h), None) => (format!("the loop was never held, where in run {kept} it was held {h}"), Some(true)),
        (None, Some(h)) => (format!("the loop was held {h}, never in run {kept}"), Some(false)),
        (Some(_), Some(_)) if a.held != b.held => (
            format!("the loop was held {} in all, {} in run {kept}", duration(b.held), duration(a.held)),
            Some(b.held < a.held),
        ),
        _ if a.failed != b.failed => (format!("{} raised, {} in run {kept}", tasks(b.failed), a.failed), None),
        _ if a.peak != b.peak => {
            (format!("its tasks {}, run {kept}'s {}", waited(b.peak), waited(a.peak)), Some(b.peak > a.peak))
        }
        _ => ("its tasks took turns the same way".into(), None),
    };
    let (pace, went) = pace(a.elapsed, b.elapsed, current, kept);
    let joint = if sooner == went { ":" } else { ";" };
    format!("{pace}{joint} {why}.")
}

/// "Run 2 finished 3.0× sooner", "Run 2 took 1.5× as long", "Run 2 took about as long as run 1";
/// with whether it was sooner (`None`: about as long).
fn pace(kept_us: u64, current_us: u64, current: u32, kept: u32) -> (String, Option<bool>) {
    // Within 5% (or both under a millisecond) is the same length: timers are late by a
    // millisecond or two from run to run.
    let (longer, shorter) = (kept_us.max(current_us) as f64, kept_us.min(current_us) as f64);
    if longer < 1_000.0 || longer <= shorter * 1.05 {
        return (format!("Run {current} took about as long as run {kept}"), None);
    }
    let ratio = if shorter == 0.0 { String::new() } else { format!(" {}×", times(longer / shorter)) };
    if current_us < kept_us {
        (format!("Run {current} finished{ratio} sooner"), Some(true))
    } else if ratio.is_empty() {
        (format!("Run {current} took longer"), Some(false))
    } else {
        (format!("Run {current} took{ratio} as long"), Some(false))
    }
}

/// A ratio as a person says it: "1.5", "3.0", "12".
fn times(ratio: f64) -> String {
    if ratio < 9.95 {
        format!("{ratio:.1}")
    } else {
        format!("{ratio:.0}")
    }
}

/// "1 task", "no task", "3 tasks".
fn tasks(n: usize) -> String {
    match n {
        0 => "no task".into(),
        1 => "1 task".into(),
        n => format!("{n} tasks"),
    }
}

/// How many tasks waited at once, after "its tasks": "waited 3 at once".
fn waited(n: u32) -> String {
    match n {
        0 => "never waited".into(),
        1 => "waited one at a time".into(),
        n => format!("waited {n} at once"),
    }
}
