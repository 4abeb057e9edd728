//! A poll that held the thread so long no other task could run (`time.sleep`, heavy work).

use super::{Finding, Lint, Run, WarnKind};
use crate::model::describe::duration;
use crate::model::holds::{hold_of_step, holds};
use crate::model::run::LateCause;

pub struct BlockedLoop;

impl Lint for BlockedLoop {
    fn kind(&self) -> WarnKind {
        WarnKind::BlockedLoop
    }

    fn summary(&self) -> &'static str {
        "blocked the loop"
    }

    fn check(&self, run: Run) -> Vec<Finding> {
        holds(run.model).map(|h| Finding { task: Some(h.task), at: h.start, index: h.step }).collect()
    }

    fn sentence(&self, run: Run, found: &Finding) -> String {
        let m = run.model;
        let Some(hold) = hold_of_step(m, found.index) else { return String::new() };
        // The timers this hold made late, and by how much at worst.
        let worst = m
            .late
            .iter()
            .filter(|l| matches!(l.cause, LateCause::Held { by, .. } if by == hold.task))
            .filter(|l| l.due < hold.end && l.at >= hold.end)
            .map(|l| l.lateness())
            .max();
        let late = worst.map(|l| format!(" Timers fired up to {} late.", duration(l))).unwrap_or_default();
        format!(
            "The loop was blocked for {}: it held the only thread without awaiting, so no other task could run.{late}",
            hold.words(m)
        )
    }
}
