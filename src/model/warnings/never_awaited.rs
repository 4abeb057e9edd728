//! A coroutine made and dropped without ever running: a missing `await`.

use super::{Finding, Lint, Run, WarnKind};
use crate::model::describe::task_name;

pub struct NeverAwaited;

impl Lint for NeverAwaited {
    fn kind(&self) -> WarnKind {
        WarnKind::NeverAwaited
    }

    fn summary(&self) -> &'static str {
        "never awaited"
    }

    fn check(&self, run: Run) -> Vec<Finding> {
        let ghosts = run.model.never_awaited.iter().enumerate();
        ghosts.map(|(i, g)| Finding { task: Some(g.task), at: g.at, index: i }).collect()
    }

    /// Opens with CPython's own words (the recorded name is the coroutine function's, as
    /// Python's warning uses); the creator named is the task it ran in, as coroutines awaited
    /// inside a task have no lane of their own.
    fn sentence(&self, run: Run, found: &Finding) -> String {
        let Some(ghost) = run.model.never_awaited.get(found.index) else { return String::new() };
        format!(
            "RuntimeWarning: coroutine '{}' was never awaited. It was created in task {} but never run: put `await` in front of the call (or pass it to create_task).",
            run.rec.resolve(ghost.name),
            task_name(run.model, ghost.task)
        )
    }
}
