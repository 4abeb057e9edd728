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
        // The timers this hold made late, and by how much at worst: those that fired late, or
        // else those whose task ended (a stop, a cancel) before they could fire at all.
        let overdue = || {
            m.late
                .iter()
                .filter(|l| matches!(l.cause, LateCause::Held { by, .. } if by == hold.task))
                .filter(|l| l.due < hold.end && l.at >= hold.end)
        };
        let fired = overdue().filter(|l| !l.cancelled).map(|l| l.lateness()).max();
        let unfired: Vec<_> = overdue().filter(|l| l.cancelled).map(|l| l.lateness()).collect();
        let late = match (fired, unfired.iter().max()) {
            (Some(l), _) => format!(" Timers fired up to {} late.", duration(l)),
            (None, Some(&l)) if unfired.len() == 1 => {
                format!(" A timer due meanwhile never fired: its task ended {} past its time.", duration(l))
            }
            (None, Some(&l)) => {
                format!(" Timers due meanwhile never fired: their tasks ended up to {} past their time.", duration(l))
            }
            (None, None) => String::new(),
        };
        format!(
            "The loop was blocked for {}: it held the only thread without awaiting, so no other task could run.{late}",
            hold.words(m)
        )
    }
}
