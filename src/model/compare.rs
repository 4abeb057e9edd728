//! Two runs side by side in one sentence: a kept run and the current one ("blocking: 3.83 s,
//! fixed: 2.01 s — the loop was never held in fixed").

use super::describe::duration;
use super::holds::holds;
use super::metrics::metrics;
use super::run::{Ending, RunModel};

/// One side of a comparison: the run and what to call it.
#[derive(Clone, Copy)]
pub struct Side<'a> {
    pub label: &'a str,
    pub model: &'a RunModel,
}

/// "blocking: 3.83 s, fixed: 2.01 s — the loop was never held in fixed (blocking: 2.00 s by
/// blocker())". The difference named is the first of: the loop held in one and not the other
/// (or held for different times), tasks raising, how many waited at once, or neither.
pub fn compare(kept: Side, current: Side) -> String {
    let (a, b) = (metrics(kept.model), metrics(current.model));
    let head = format!("{}: {}, {}: {}", kept.label, duration(a.elapsed), current.label, duration(b.elapsed));
    let held = |s: &Side| holds(s.model).max_by_key(|h| h.held());
    let total = |s: &Side| holds(s.model).map(|h| h.held()).sum::<u64>();
    let failed =
        |s: &Side| s.model.lanes.iter().filter(|l| matches!(l.ending, Some((_, Ending::Failed { .. })))).count();
    let why = match (held(&kept), held(&current)) {
        (Some(h), None) => {
            format!("the loop was never held in {} ({}: {})", current.label, kept.label, h.words(kept.model))
        }
        (None, Some(h)) => {
            format!("the loop was held in {} ({}), never in {}", current.label, h.words(current.model), kept.label)
        }
        (Some(_), Some(_)) if total(&kept) != total(&current) => format!(
            "the loop was held {} in {} and {} in {}",
            duration(total(&kept)),
            kept.label,
            duration(total(&current)),
            current.label
        ),
        _ if failed(&kept) != failed(&current) => format!(
            "{} {} raised in {}, {} in {}",
            failed(&kept),
            if failed(&kept) == 1 { "task" } else { "tasks" },
            kept.label,
            failed(&current),
            current.label
        ),
        _ if a.peak_in_flight != b.peak_in_flight => format!(
            "at most {} {} at once in {}, {} in {}",
            a.peak_in_flight,
            if a.peak_in_flight == 1 { "task waited" } else { "tasks waited" },
            kept.label,
            b.peak_in_flight,
            current.label
        ),
        _ if a.elapsed == b.elapsed => "the same length, the same shape".into(),
        _ => "the same shape, at a different pace".into(),
    };
    format!("{head} — {why}.")
}
