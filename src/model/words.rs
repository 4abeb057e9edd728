//! A run in a learner's words: two or three plain figures for the lesson (the rest of the
//! numbers go behind "Details"), and a text alternative of the timeline for screen readers.

use super::describe::{duration, instant, late_cause, task_name, wait};
use super::holds::holds;
use super::metrics::{metrics, Metrics};
use super::run::{Ending, LateCause, RunEnd, RunModel, State};
use super::FrameStats;
use crate::trace::{CancelledBy, Micros, Recorder, Wait};

/// Plain figures shown by default.
const HEADLINE: usize = 3;
/// Tasks the text alternative describes one by one before summing up the rest.
const ALT_TASKS: usize = 12;

/// The lesson's figures, most telling first, at most three: "took 1.50 s", "one after
/// another would take 3.00 s", "at most 3 tasks waited at once". What the run shows decides
/// which: a held loop, a coroutine never awaited, a timeout, permits, a queue, exceptions.
pub fn headline(m: &RunModel, rec: &Recorder) -> Vec<String> {
    headline_from(m, &metrics(m), rec, None)
}

/// [`headline`] with the run's metrics already at hand (the page computes them once for both
/// the headline and the details: on a big run they are sums over every poll). `halted` is why
/// Interleave stopped the program, if it did: the tasks that error ended were stopped, they
/// did not raise.
pub fn headline_from(m: &RunModel, x: &Metrics, rec: &Recorder, halted: Option<&str>) -> Vec<String> {
    let stopped = matches!(m.end, Some((_, RunEnd::Stopped)));
    let mut out = vec![if x.dropped > 0 {
        format!("ran at least {} (the recording was cut)", duration(x.elapsed))
    } else if halted.is_some() {
        format!("stopped by Interleave after {}", duration(x.elapsed))
    } else if stopped {
        // As the status line says "Stopped.": the run did not end on its own.
        format!("stopped with Stop after {}", duration(x.elapsed))
    } else {
        format!("took {}", duration(x.elapsed))
    }];
    let held: Vec<_> = holds(m).collect();
    match held.as_slice() {
        [] => {}
        [h] => out.push(format!("the loop was held for {}", h.words(m))),
        many => out.push(format!(
            "the loop was held {} times, {} in all",
            many.len(),
            duration(many.iter().map(|h| h.held()).sum())
        )),
    }
    if !m.never_awaited.is_empty() {
        let n = m.never_awaited.len();
        let names: Vec<&str> = m.never_awaited.iter().map(|g| rec.resolve(g.name)).collect();
        out.push(format!(
            "{n} coroutine{} never ran ({}): never awaited",
            if n == 1 { "" } else { "s" },
            names.join(", ")
        ));
    }
    if let Some(d) = m.deadlines.first() {
        out.push(format!("the timeout fired at {} and cancelled {}", instant(d.fired), task_name(m, d.target)));
    }
    for s in &m.permits {
        let waited = m
            .lanes
            .iter()
            .filter(|l| l.segments.iter().any(|seg| matches!(seg.state, State::Waiting(crate::trace::Wait::Semaphore { name } | crate::trace::Wait::Lock { name }) if name == s.what)))
            .count();
        let of = if s.limit > 0 { format!(" of {}", s.limit) } else { String::new() };
        let mut f = format!("at most {}{of} {} in use", s.peak(), plural(s.peak() as usize, "permit", "permits"));
        if waited > 0 {
            f += &format!("; {waited} {} waited for one", plural(waited, "task", "tasks"));
        }
        out.push(f);
    }
    for q in &m.queues {
        let of = if q.limit > 0 { format!(" (maxsize {})", q.limit) } else { String::new() };
        // "the queue", but a name with its own punctuation ("jobs[0]") as it is.
        let name = rec.resolve(q.what);
        let the = if name.chars().all(|c| c.is_alphanumeric() || c == '_') { "the " } else { "" };
        let items = plural(q.peak() as usize, "item", "items");
        out.push(format!("{the}{name} held at most {} {items}{of}", q.peak()));
    }
    let failed = m
        .lanes
        .iter()
        .filter(|l| match l.ending {
            Some((_, Ending::Failed { error })) => halted != Some(rec.resolve(error)),
            _ => false,
        })
        .count();
    if !m.swallowed.is_empty() {
        let n = m.swallowed.len();
        out.push(format!(
            "{n} {} came back as {}",
            plural(n, "exception", "exceptions"),
            plural(n, "a result", "results")
        ));
    } else if failed > 0 {
        out.push(format!("{failed} {} raised", plural(failed, "task", "tasks")));
    }
    let cancelled = m
        .lanes
        .iter()
        .filter(|l| matches!(l.ending, Some((_, Ending::Cancelled { by: CancelledBy::Task(_) }))))
        .count();
    if cancelled > 0 {
        out.push(format!("{cancelled} {} cancelled by cancel()", plural(cancelled, "task was", "tasks were")));
    }
    overlap_figures(x, &mut out);
    // Timers that fired late, or else one that never fired because its task ended first.
    let overdue = || m.late.iter().filter(|l| l.lateness() >= m.late_threshold());
    if let Some(worst) = overdue().filter(|l| !l.cancelled).max_by_key(|l| l.lateness()) {
        out.push(format!("timers fired up to {} late: {}", duration(worst.lateness()), late_cause(&worst.cause, m)));
    } else if let Some(worst) = overdue().max_by_key(|l| l.lateness()) {
        out.push(format!(
            "a timer never fired, its task ending {} past its time: {}",
            duration(worst.lateness()),
            late_cause(&worst.cause, m)
        ));
    }
    out.truncate(HEADLINE);
    out
}

/// "one after another would take 3.00 s", "at most 3 tasks waited at once".
fn overlap_figures(x: &Metrics, out: &mut Vec<String>) {
    if x.io_waits > 0 && x.speedup >= 1.05 {
        out.push(format!("one after another would take {}", duration(x.io_waits + x.busy)));
    }
    if x.peak_in_flight >= 2 {
        out.push(format!("at most {} tasks waited at once", x.peak_in_flight));
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// The numbers behind "Details", as (name, value) rows, as of `until`.
pub fn details(m: &RunModel, until: Micros, frames: Option<&FrameStats>) -> Vec<(&'static str, String)> {
    details_from(m, &super::metrics::metrics_at(m, until), until, frames)
}

/// [`details`] with the metrics as of `until` already at hand (see [`headline_from`]).
pub fn details_from(
    m: &RunModel,
    x: &Metrics,
    until: Micros,
    frames: Option<&FrameStats>,
) -> Vec<(&'static str, String)> {
    let late = |v: Option<Micros>| v.map_or("—".to_string(), duration);
    let mut rows = vec![
        // From a cut recording the run's length is not known, only that it ran this long.
        (
            "Elapsed",
            if x.dropped > 0 { format!("≥ {} (recording cut)", duration(x.elapsed)) } else { duration(x.elapsed) },
        ),
        ("Waits, summed", duration(x.io_waits)),
        (
            "Speed-up vs one after another",
            if x.io_waits == 0 { "— (no waits to overlap)".into() } else { format!("{:.1}×", x.speedup.max(1.0)) },
        ),
        ("Tasks", x.tasks.to_string()),
        ("Peak in flight", x.peak_in_flight.to_string()),
        ("Turns of the loop", m.turns.partition_point(|t| t.time <= until).to_string()),
        ("Polls / wakes", format!("{} / {}", x.polls, x.wakes)),
        (
            "Longest poll",
            x.longest_poll.map_or("—".into(), |(task, d)| format!("{} ({})", duration(d), task_name(m, task))),
        ),
        ("Loop held (polls over 50 ms)", {
            let held: Micros = holds(m).filter(|h| h.start <= until).map(|h| h.end.min(until) - h.start).sum();
            if held == 0 {
                "never".into()
            } else {
                duration(held)
            }
        }),
        ("Timer lateness p50 / p99", format!("{} / {}", late(x.lateness_p50), late(x.lateness_p99))),
        ("Late timers drawn", format!("{} (over {})", late_counts(m, until), duration(m.late_threshold()))),
    ];
    if let Some(f) = frames {
        let fps = f.fps().map_or("—".into(), |v| format!("{v:.0} fps"));
        rows.push(("Frame rate / longest frame", format!("{fps} / {:.0} ms", f.longest_ms())));
    }
    rows
}

/// "3: 2 held by a task, 1 browser busy", or "none".
fn late_counts(m: &RunModel, until: Micros) -> String {
    let drawn = m.late.iter().filter(|l| l.at <= until && l.lateness() >= m.late_threshold());
    let (mut tasks, mut browser) = (0, 0);
    for l in drawn {
        match l.cause {
            LateCause::Browser { .. } => browser += 1,
            _ => tasks += 1,
        }
    }
    if tasks + browser == 0 {
        "none".into()
    } else {
        format!("{}: {tasks} loop held or busy, {browser} browser busy", tasks + browser)
    }
}

/// The figures of a run still going at `now`: its length so far, not a "took" that would
/// read as final (the recording's last event can be long before now, when every task waits).
pub fn still_running(mut figures: Vec<String>, now: Micros) -> Vec<String> {
    if let Some(first) = figures.first_mut() {
        *first = format!("running for {} so far", duration(now));
    }
    figures
}

/// The timeline as words, for screen readers: what each task did, in order, and what held
/// the loop. Long runs describe their first tasks and count the rest. `halted` is why
/// Interleave stopped the program, if it did (the task that error ended did not raise it).
pub fn text_alternative(m: &RunModel, rec: &Recorder, halted: Option<&str>) -> String {
    let mut s = format!(
        "Timeline of a run that {} {}: {} {}, {} {} of the event loop.",
        if m.end.is_some() { "took" } else { "has run for" },
        duration(m.span()),
        m.lanes.len(),
        plural(m.lanes.len(), "task", "tasks"),
        m.turns.len(),
        plural(m.turns.len(), "turn", "turns")
    );
    match m.module_stretch() {
        Some((_, end)) if m.loop_from.is_some() => s += &format!(
            " For its first {}, the program's top level ran before asyncio.run started the event loop: no loop was running yet.",
            duration(end)
        ),
        Some(_) => s += " Only the program's top level ran: it never started an event loop.",
        None => {}
    }
    for h in holds(m) {
        s += &format!(" At {} the loop was held for {}: no other task could run.", instant(h.start), h.words(m));
    }
    for lane in super::layout::lane_order(m).into_iter().take(ALT_TASKS).filter_map(|id| m.lanes.get(id.0 as usize)) {
        let mut waits: Vec<String> = Vec::new();
        let mut going_on = None;
        for seg in &lane.segments {
            // A wait on several things is one wait, whose count of pending goes down as they
            // finish: it is told once, as it began.
            let many = match seg.state {
                State::Waiting(Wait::Many { what, .. }) => Some(what),
                _ => None,
            };
            if let State::Waiting(w) = seg.state {
                let said = wait(&w, m, rec);
                if waits.last() != Some(&said) && (many.is_none() || many != going_on) {
                    waits.push(said);
                }
            }
            going_on = many;
        }
        let waited = match waits.len() {
            0 => String::new(),
            1..=3 => format!("; it waited on {}", waits.join(", then ")),
            n => format!("; it waited on {} (and {} more waits)", waits[..3].join(", then "), n - 3),
        };
        let late: Vec<String> = m
            .late
            .iter()
            .filter(|l| l.task == lane.id && l.lateness() >= m.late_threshold())
            .map(|l| super::describe::late(l, m))
            .collect();
        let late = if late.is_empty() { String::new() } else { format!(" (a timer {})", late.join("; another ")) };
        let ending = match &lane.ending {
            Some((t, Ending::Done { value })) => format!("; it returned {} at {}", rec.resolve(*value), instant(*t)),
            // The error Interleave stopped the program with ended the task: it did not raise it.
            Some((t, Ending::Failed { error })) if halted == Some(rec.resolve(*error)) => {
                format!("; Interleave stopped it at {} ({})", instant(*t), rec.resolve(*error))
            }
            Some((t, Ending::Failed { error })) => format!("; it raised {} at {}", rec.resolve(*error), instant(*t)),
            Some((t, Ending::Cancelled { by })) => {
                format!("; it was cancelled {} at {}", super::describe::cancelled_by(by, m), instant(*t))
            }
            None => "; it is still pending".into(),
        };
        s += &format!(
            " {} ran {} {}{waited}{late}{ending}.",
            lane.name,
            lane.polls,
            plural(lane.polls as usize, "time", "times")
        );
    }
    if m.lanes.len() > ALT_TASKS {
        s += &format!(" … and {} more tasks.", m.lanes.len() - ALT_TASKS);
    }
    for g in &m.never_awaited {
        s += &format!(
            " The coroutine {} was created in {} at {} and never awaited: it never ran.",
            rec.resolve(g.name),
            task_name(m, g.task),
            instant(g.at)
        );
    }
    s
}
