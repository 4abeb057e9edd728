//! Lints over a run, in full sentences a learner understands (tokio-console's `Warn`: a
//! check and its words). Each fires only on something that really happened in this run.

use super::describe::{duration, instant, task_name};
use super::run::{Ending, RunEnd, RunModel};
use crate::trace::{CancelledBy, Micros, Recorder, TaskId};

/// A poll holding the thread this long is "blocking the loop" (asyncio's debug mode uses 100 ms).
pub const BLOCKED_THRESHOLD: Micros = 50_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WarnKind {
    BlockedLoop,
    NeverAwaited,
    NeverRetrieved,
    Swallowed,
    TimedOut,
    PendingAtEnd,
    Stuck,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Warning {
    pub kind: WarnKind,
    pub task: Option<TaskId>,
    pub at: Micros,
    pub text: String,
}

/// Every warning for the run so far. Those about endings (never retrieved, pending at end) wait
/// for the run to end, so they never fire on a task that is simply not finished yet.
pub fn warnings(m: &RunModel, rec: &Recorder) -> Vec<Warning> {
    let mut out = Vec::new();
    blocked_loop(m, &mut out);
    never_awaited(m, rec, &mut out);
    if !m.swallowed.is_empty() {
        let names: Vec<String> = m
            .swallowed
            .iter()
            .filter_map(|&(_, t)| {
                let lane = m.lanes.get(t.0 as usize)?;
                match &lane.ending {
                    Some((_, Ending::Failed { error })) => Some(format!("{} → {}", lane.name, rec.resolve(*error))),
                    _ => None,
                }
            })
            .collect();
        out.push(Warning {
            kind: WarnKind::Swallowed,
            task: Some(m.swallowed[0].0),
            at: 0,
            text: format!(
                "return_exceptions=True handed back {} exception{} as ordinary results: {}. Nothing was raised, so check the results for them.",
                names.len(),
                if names.len() == 1 { "" } else { "s" },
                names.join("; ")
            ),
        });
    }
    for lane in &m.lanes {
        if let Some((at, Ending::Cancelled { by: CancelledBy::Timeout(waiter) })) = &lane.ending {
            out.push(Warning {
                kind: WarnKind::TimedOut,
                task: Some(lane.id),
                at: *at,
                text: format!(
                    "A timeout fired in {} at {}: {} was cancelled where it was waiting, and TimeoutError was raised instead of its result.",
                    task_name(m, *waiter),
                    instant(*at),
                    lane.name
                ),
            });
        }
    }
    if m.end.is_some() {
        ending_warnings(m, rec, &mut out);
    }
    out
}

/// Opens with CPython's own words (the recorded name is the coroutine function's, as Python's
/// warning uses); the creator named is the task it ran in, as coroutines awaited inside a task
/// have no lane of their own.
fn never_awaited(m: &RunModel, rec: &Recorder, out: &mut Vec<Warning>) {
    for &(at, task, name) in &m.never_awaited {
        out.push(Warning {
            kind: WarnKind::NeverAwaited,
            task: Some(task),
            at,
            text: format!(
                "RuntimeWarning: coroutine '{}' was never awaited. It was created in task {} but never run: put `await` in front of the call (or pass it to create_task).",
                rec.resolve(name),
                task_name(m, task)
            ),
        });
    }
}

fn blocked_loop(m: &RunModel, out: &mut Vec<Warning>) {
    for s in &m.steps {
        let held = s.end - s.start;
        if held > BLOCKED_THRESHOLD {
            let worst_late = Some(m.worst_lateness())
                .filter(|&l| l > BLOCKED_THRESHOLD / 2)
                .map(|l| format!(" Timers fired up to {} late.", duration(l)))
                .unwrap_or_default();
            out.push(Warning {
                kind: WarnKind::BlockedLoop,
                task: Some(s.task),
                at: s.start,
                text: format!(
                    "The loop was blocked for {} by {}: it held the only thread without awaiting, so no other task could run.{worst_late}",
                    duration(held),
                    task_name(m, s.task)
                ),
            });
        }
    }
}

fn ending_warnings(m: &RunModel, rec: &Recorder, out: &mut Vec<Warning>) {
    if let Some((at, RunEnd::Stuck)) = m.end {
        out.push(Warning {
            kind: WarnKind::Stuck,
            task: None,
            at,
            text: "Every task was waiting and nothing could ever wake one (a get() with no producer, a join() without task_done()…): asyncio would hang here forever, so the run was ended.".into(),
        });
    }
    for lane in &m.lanes {
        match &lane.ending {
            Some((at, Ending::Failed { error })) if !lane.retrieved && lane.parent.is_some() => out.push(Warning {
                kind: WarnKind::NeverRetrieved,
                task: Some(lane.id),
                at: *at,
                text: format!(
                    "Task exception was never retrieved: {} raised {} and no one awaited it, so the error went unnoticed.",
                    lane.name,
                    rec.resolve(*error)
                ),
            }),
            Some((at, Ending::Cancelled { by: CancelledBy::RunEnd })) if m.end.is_some_and(|(_, e)| e == RunEnd::Finished) => {
                out.push(Warning {
                    kind: WarnKind::PendingAtEnd,
                    task: Some(lane.id),
                    at: *at,
                    text: format!(
                        "{} was still pending when main ended, so asyncio.run cancelled it. Await it (or gather it) if its work matters.",
                        lane.name
                    ),
                })
            }
            _ => {}
        }
    }
}
