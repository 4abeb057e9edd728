//! Numbers about a run: how long it took, how much waiting overlapped, how busy the loop was.

use super::describe::{duration, recording_cut};
use super::run::{is_io, RunModel, State};
use crate::trace::{Micros, TaskId};

#[derive(Clone, Debug, PartialEq)]
pub struct Metrics {
    /// Time the figures cover: the run's length, or when `dropped > 0`, only a lower bound of it.
    pub elapsed: Micros,
    /// Events the recorder dropped, when the figures reach the end of a cut recording (see
    /// [`RunModel::dropped`]): they then stop before the run did. As of an instant inside the
    /// recording they are exact, and this is 0.
    pub dropped: u64,
    /// Time tasks spent waiting on timers, requests and workers, summed over tasks: what
    /// one-after-another would have spent waiting. Lateness is left out: a timer made late by a
    /// task holding the loop would not have been late one after another, and counting it made
    /// a blocked run look faster than its sequential twin.
    pub io_waits: Micros,
    /// Time the thread ran task code, summed.
    pub busy: Micros,
    /// `io_waits + busy` over `elapsed`.
    pub speedup: f64,
    pub peak_in_flight: u32,
    pub tasks: usize,
    pub polls: usize,
    pub wakes: u64,
    pub longest_poll: Option<(TaskId, Micros)>,
    pub lateness_p50: Option<Micros>,
    pub lateness_p99: Option<Micros>,
}

/// The run's numbers over its whole span.
pub fn metrics(m: &RunModel) -> Metrics {
    metrics_at(m, m.span())
}

/// The numbers as they stood at `until` (for scrubbing through a recorded run).
pub fn metrics_at(m: &RunModel, until: Micros) -> Metrics {
    let span = m.span().min(until);
    let mut io_waits = 0;
    let steps = &m.steps[..m.steps_until(span)];
    let busy = steps.iter().map(|s| s.end.min(span) - s.start).sum();
    for lane in &m.lanes {
        for seg in lane.segments.iter().take_while(|s| s.start <= span) {
            if let State::Waiting(w) = seg.state {
                if is_io(&w) {
                    io_waits += seg.end.unwrap_or(span).min(span).saturating_sub(seg.start);
                }
            }
        }
    }
    let longest_poll = steps.iter().map(|s| (s.task, s.end.min(span) - s.start)).max_by_key(|&(_, d)| d);
    let mut late: Vec<Micros> = m.lateness.iter().take_while(|&&(t, _)| t <= span).map(|&(_, l)| l).collect();
    late.sort_unstable();
    let speedup = if span == 0 { 1.0 } else { (io_waits + busy) as f64 / span as f64 };
    Metrics {
        elapsed: span,
        dropped: if until >= m.span() { m.dropped } else { 0 },
        io_waits,
        busy,
        speedup,
        peak_in_flight: m.peak_in_flight(span),
        tasks: m.lanes.iter().take_while(|l| l.spawned <= span).count(),
        polls: steps.len(),
        wakes: m.wakes.partition_point(|&t| t <= span) as u64,
        longest_poll,
        lateness_p50: percentile(&late, 50),
        lateness_p99: percentile(&late, 99),
    }
}

/// Nearest-rank percentile of sorted values.
pub fn percentile(sorted: &[Micros], p: usize) -> Option<Micros> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (p * sorted.len()).div_ceil(100).max(1);
    Some(sorted[rank - 1])
}

/// The default "what happened" sentence: "Finished in 1.50 s; the waits add up to 3.00 s:
/// 2.0× faster than one after another; at most 3 tasks were waiting at once." From a cut
/// recording it first says so, then gives the figures of the recorded part as such.
pub fn what_happened(x: &Metrics) -> String {
    // A plain script: "Finished in 0 µs" would say nothing true about it.
    if x.tasks == 0 && x.dropped == 0 {
        return "No event loop ran (the program never called asyncio.run), so there is no task to draw.".into();
    }
    let cut = recording_cut(x.elapsed, x.dropped);
    let truncated = cut.is_some();
    let mut s = match cut {
        Some(cut) => format!("{cut} In the recorded part"),
        None => format!("Finished in {}", duration(x.elapsed)),
    };
    if x.io_waits > 0 {
        let sep = if truncated { "," } else { ";" };
        s += &format!("{sep} the waits add up to {}", duration(x.io_waits));
        if x.speedup >= 1.05 {
            s += &format!(": {:.1}× faster than one after another", x.speedup);
        } else {
            s += ": no faster than one after another";
        }
        s += &format!(
            "; at most {} {} waiting at once",
            x.peak_in_flight,
            plural(x.peak_in_flight, "task was", "tasks were")
        );
    } else if truncated {
        s += ", no task waited on a timer, a request or a worker";
    }
    s + "."
}

/// What happened when Interleave stopped the program (a budget ran out) `at` that time: said
/// first, then what had overlapped until then. No speed-up is given: the hold that was stopped would count
/// as time saved against one after another, which would flatter a stuck run.
pub fn what_happened_halted(x: &Metrics, at: Micros) -> String {
    let mut s = format!("Interleave stopped the program at {}, as Output says.", duration(at));
    if x.io_waits > 0 {
        s += &format!(
            " Until then the waits added up to {}, and at most {} {} waiting at once.",
            duration(x.io_waits),
            x.peak_in_flight,
            plural(x.peak_in_flight, "task was", "tasks were")
        );
    }
    s
}

fn plural<'a>(n: u32, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}
