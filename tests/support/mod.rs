//! Reading a run's recording in tests: what was printed, when, and how late timers fired.
// Each test crate uses the part it needs.
#![allow(dead_code)]

use interleave::runtime::Runtime;
use interleave::trace::{EventKind, WakeCause};

/// Printed lines with their times in seconds.
pub fn prints(rt: &Runtime) -> Vec<(f64, String)> {
    let trace = rt.trace();
    trace
        .events()
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::Print { text } => Some((e.time as f64 / 1e6, trace.resolve(text).to_string())),
            _ => None,
        })
        .collect()
}

/// Printed lines, in order.
pub fn lines(rt: &Runtime) -> Vec<String> {
    prints(rt).into_iter().map(|(_, l)| l).collect()
}

/// The run's clock, in seconds.
pub fn secs(rt: &Runtime) -> f64 {
    rt.now() as f64 / 1e6
}

/// How late (µs) each of task `task`'s timers fired.
pub fn lateness(rt: &Runtime, task: u32) -> Vec<u64> {
    rt.trace()
        .events()
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::Wake { cause: WakeCause::Timer { due } } if e.task.0 == task => Some(e.time - due),
            _ => None,
        })
        .collect()
}
