//! A task's exception that nobody awaited: asyncio's "Task exception was never retrieved".

use super::{Finding, Lint, Run, WarnKind};
use crate::model::run::Ending;

pub struct NeverRetrieved;

impl Lint for NeverRetrieved {
    fn kind(&self) -> WarnKind {
        WarnKind::NeverRetrieved
    }

    fn summary(&self) -> &'static str {
        "exception never retrieved"
    }

    /// Only once the run has ended: until then someone may still await it.
    fn check(&self, run: Run) -> Vec<Finding> {
        if run.model.end.is_none() {
            return Vec::new();
        }
        let lanes = run.model.lanes.iter().enumerate();
        lanes
            .filter_map(|(i, lane)| match &lane.ending {
                Some((at, Ending::Failed { .. })) if !lane.retrieved && lane.parent.is_some() => {
                    Some(Finding { task: Some(lane.id), at: *at, index: i })
                }
                _ => None,
            })
            .collect()
    }

    fn sentence(&self, run: Run, found: &Finding) -> String {
        let Some(lane) = run.model.lanes.get(found.index) else { return String::new() };
        let Some((_, Ending::Failed { error })) = &lane.ending else { return String::new() };
        // The recording does not say whether the program's own handler
        // (`loop.set_exception_handler`) was given the exception, so the sentence says only what
        // is true either way.
        format!(
            "Task exception was never retrieved: {} raised {} and no task awaited it or asked for its exception. \
             asyncio reports such an error only once the task object is garbage-collected, to the loop's exception \
             handler (the default one prints it to stderr), so it is easy to miss.",
            lane.name,
            run.rec.resolve(*error)
        )
    }
}
