//! Lints over a run, in full sentences a learner understands (tokio-console's `Warn` trait:
//! `check`, `format`, `summary`). Each lint is one file: what it looks for in the model, and
//! how it says it. Each fires only on something that really happened in this run; lints about
//! endings (never retrieved, pending at end, stuck) wait for the run to end, so they never fire
//! on a task that is simply not finished yet.

mod blocked_loop;
mod never_awaited;
mod never_retrieved;
mod pending_at_end;
mod stuck;
mod swallowed;
mod timed_out;

use super::run::RunModel;
use crate::trace::{Micros, Recorder, TaskId};

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

/// A warning as the page shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Warning {
    pub kind: WarnKind,
    pub task: Option<TaskId>,
    pub at: Micros,
    /// The full sentence.
    pub text: String,
    /// A few words naming the kind ("blocked the loop"), for a list's heading or a count.
    pub summary: &'static str,
}

/// What a lint found: where, about which task, and the one figure its sentence needs. The
/// sentence reads everything else back from the run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Finding {
    pub task: Option<TaskId>,
    pub at: Micros,
    /// An index the lint keeps for itself (a step, a ghost, a lane).
    pub index: usize,
}

/// The run a lint reads.
#[derive(Clone, Copy)]
pub struct Run<'a> {
    pub model: &'a RunModel,
    pub rec: &'a Recorder,
}

/// A small lint: one kind of mistake or surprise, found and said.
pub trait Lint: Sync {
    fn kind(&self) -> WarnKind;
    /// A few words naming it: "blocked the loop".
    fn summary(&self) -> &'static str;
    /// Everything it finds in the run so far.
    fn check(&self, run: Run) -> Vec<Finding>;
    /// One finding, as a full sentence.
    fn sentence(&self, run: Run, found: &Finding) -> String;
}

/// Every lint, in the order its warnings are listed.
pub static LINTS: &[&dyn Lint] = &[
    &blocked_loop::BlockedLoop,
    &never_awaited::NeverAwaited,
    &swallowed::Swallowed,
    &timed_out::TimedOut,
    &stuck::Stuck,
    &never_retrieved::NeverRetrieved,
    &pending_at_end::PendingAtEnd,
];

/// Every warning for the run so far.
pub fn warnings(m: &RunModel, rec: &Recorder) -> Vec<Warning> {
    let run = Run { model: m, rec };
    LINTS
        .iter()
        .flat_map(|lint| {
            lint.check(run).into_iter().map(move |found| Warning {
                kind: lint.kind(),
                task: found.task,
                at: found.at,
                text: lint.sentence(run, &found),
                summary: lint.summary(),
            })
        })
        .collect()
}
