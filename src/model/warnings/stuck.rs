//! Every task waiting and nothing able to wake one: asyncio would hang.

use super::{Finding, Lint, Run, WarnKind};
use crate::model::run::RunEnd;

pub struct Stuck;

impl Lint for Stuck {
    fn kind(&self) -> WarnKind {
        WarnKind::Stuck
    }

    fn summary(&self) -> &'static str {
        "stuck"
    }

    fn check(&self, run: Run) -> Vec<Finding> {
        match run.model.end {
            Some((at, RunEnd::Stuck)) => vec![Finding { task: None, at, index: 0 }],
            _ => Vec::new(),
        }
    }

    fn sentence(&self, _: Run, _: &Finding) -> String {
        "Every task was waiting and nothing could ever wake one (a get() with no producer, a join() without task_done()…): asyncio would hang here forever, so the run was ended.".into()
    }
}
