//! A task still pending when `main` returned, cancelled by `asyncio.run` on the way out.

use super::{Finding, Lint, Run, WarnKind};
use crate::model::run::{Ending, Lane, RunEnd, RunModel};
use crate::trace::CancelledBy;

pub struct PendingAtEnd;

impl Lint for PendingAtEnd {
    fn kind(&self) -> WarnKind {
        WarnKind::PendingAtEnd
    }

    fn summary(&self) -> &'static str {
        "still pending at the end"
    }

    /// Only after a finish: Stop and a stuck run cancel every task, and say so themselves. And
    /// only where main returned: when it raised (a gathered task failed, or the page stopped a
    /// runaway task), its pending tasks may well have been awaited, and the advice would be wrong.
    fn check(&self, run: Run) -> Vec<Finding> {
        if !run.model.end.is_some_and(|(_, e)| e == RunEnd::Finished) {
            return Vec::new();
        }
        let lanes = run.model.lanes.iter().enumerate();
        lanes
            .filter_map(|(i, lane)| match &lane.ending {
                Some((at, Ending::Cancelled { by: CancelledBy::RunEnd })) if !main_raised(run.model, lane) => {
                    Some(Finding { task: Some(lane.id), at: *at, index: i })
                }
                _ => None,
            })
            .collect()
    }

    fn sentence(&self, run: Run, found: &Finding) -> String {
        let Some(lane) = run.model.lanes.get(found.index) else { return String::new() };
        format!(
            "{} was still pending when main ended, so asyncio.run cancelled it. Await it (or gather it) if its work matters.",
            lane.name
        )
    }
}

/// Whether the task `asyncio.run` ran (the root `lane` descends from) ended by raising.
fn main_raised(m: &RunModel, lane: &Lane) -> bool {
    let mut root = lane;
    // Each parent was spawned before its child: the walk ends, at most one step per lane.
    for _ in 0..m.lanes.len() {
        match root.parent.and_then(|p| m.lanes.get(p.0 as usize)) {
            Some(parent) => root = parent,
            None => break,
        }
    }
    matches!(root.ending, Some((_, Ending::Failed { .. })))
}
