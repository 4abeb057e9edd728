//! A `wait_for` timeout that cancelled the work it waited on.

use super::{Finding, Lint, Run, WarnKind};
use crate::model::describe::{instant, task_name};
use crate::model::run::Ending;
use crate::trace::CancelledBy;

pub struct TimedOut;

impl Lint for TimedOut {
    fn kind(&self) -> WarnKind {
        WarnKind::TimedOut
    }

    fn summary(&self) -> &'static str {
        "timed out"
    }

    fn check(&self, run: Run) -> Vec<Finding> {
        let lanes = run.model.lanes.iter().enumerate();
        lanes
            .filter_map(|(i, lane)| match &lane.ending {
                Some((at, Ending::Cancelled { by: CancelledBy::Timeout(_) })) => {
                    Some(Finding { task: Some(lane.id), at: *at, index: i })
                }
                _ => None,
            })
            .collect()
    }

    fn sentence(&self, run: Run, found: &Finding) -> String {
        let m = run.model;
        let Some(lane) = m.lanes.get(found.index) else { return String::new() };
        let Some((at, Ending::Cancelled { by: CancelledBy::Timeout(waiter) })) = &lane.ending else {
            return String::new();
        };
        format!(
            "A timeout fired in {} at {}: {} was cancelled where it was waiting, and TimeoutError was raised instead of its result.",
            task_name(m, *waiter),
            instant(*at),
            lane.name
        )
    }
}
