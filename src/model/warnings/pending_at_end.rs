//! A task still pending when `main` returned, cancelled by `asyncio.run` on the way out.

use super::{Finding, Lint, Run, WarnKind};
use crate::model::run::{Ending, RunEnd};
use crate::trace::CancelledBy;

pub struct PendingAtEnd;

impl Lint for PendingAtEnd {
    fn kind(&self) -> WarnKind {
        WarnKind::PendingAtEnd
    }

    fn summary(&self) -> &'static str {
        "still pending at the end"
    }

    /// Only after a finish: Stop and a stuck run cancel every task, and say so themselves.
    fn check(&self, run: Run) -> Vec<Finding> {
        if !run.model.end.is_some_and(|(_, e)| e == RunEnd::Finished) {
            return Vec::new();
        }
        let lanes = run.model.lanes.iter().enumerate();
        lanes
            .filter_map(|(i, lane)| match &lane.ending {
                Some((at, Ending::Cancelled { by: CancelledBy::RunEnd })) => {
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
