//! `return_exceptions=True` turning exceptions into ordinary results nobody looks at.

use super::{Finding, Lint, Run, WarnKind};
use crate::model::run::Ending;

pub struct Swallowed;

impl Lint for Swallowed {
    fn kind(&self) -> WarnKind {
        WarnKind::Swallowed
    }

    fn summary(&self) -> &'static str {
        "exceptions returned as results"
    }

    /// One warning for them all: the sentence lists every one.
    fn check(&self, run: Run) -> Vec<Finding> {
        let first = run.model.swallowed.first();
        first.map(|&(owner, _)| Finding { task: Some(owner), at: 0, index: 0 }).into_iter().collect()
    }

    fn sentence(&self, run: Run, _: &Finding) -> String {
        let m = run.model;
        let names: Vec<String> = m
            .swallowed
            .iter()
            .filter_map(|&(_, t)| {
                let lane = m.lanes.get(t.0 as usize)?;
                match &lane.ending {
                    Some((_, Ending::Failed { error })) => Some(format!("{} → {}", lane.name, run.rec.resolve(*error))),
                    _ => None,
                }
            })
            .collect();
        format!(
            "return_exceptions=True handed back {} exception{} as ordinary results: {}. Nothing was raised, so check the results for them.",
            names.len(),
            if names.len() == 1 { "" } else { "s" },
            names.join("; ")
        )
    }
}
