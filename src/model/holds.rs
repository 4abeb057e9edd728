//! Polls that held the loop: one figure, said the same way by the loop lane, the warning and
//! the summaries. A hold is a whole poll (the turn that called `time.sleep` runs code before
//! and after it too), so a `time.sleep` inside it is named as a part of it when they differ.

use super::describe::{duration, task_name};
use super::run::{Block, RunModel};
use crate::trace::{BlockingCall, Micros, TaskId};

/// A poll holding the thread this long is "blocking the loop" (asyncio's debug mode uses 100 ms).
pub const BLOCKED_THRESHOLD: Micros = 50_000;

/// A differing `time.sleep` part is named only beyond this (clock readings differ by less).
const PART_SHOWN_FROM: Micros = 1_000;

/// One poll that held the loop for longer than [`BLOCKED_THRESHOLD`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hold {
    /// Index into [`RunModel::steps`].
    pub step: usize,
    pub task: TaskId,
    pub start: Micros,
    pub end: Micros,
    /// Of that, time spent inside blocking calls (`time.sleep`) the recording saw.
    pub blocking: Micros,
    /// The first of those calls (what the summaries name).
    pub call: Option<BlockingCall>,
}

impl Hold {
    /// How long no other task could run.
    pub fn held(&self) -> Micros {
        self.end - self.start
    }

    /// "2.00 s by blocker()", with " (time.sleep: 1.95 s of it)" when the blocking call was
    /// noticeably shorter than the whole hold (named as what it was: a blocking request too).
    pub fn words(&self, m: &RunModel) -> String {
        let mut s = format!("{} by {}", duration(self.held()), task_name(m, self.task));
        if self.blocking > 0 && self.held() > self.blocking + PART_SHOWN_FROM {
            let call = self.call.map_or("blocking calls", BlockingCall::name);
            s += &format!(" ({call}: {} of it)", duration(self.blocking));
        }
        s
    }

    /// The loop lane's label on the hold: "blocked 2.00 s by blocker()".
    pub fn lane_label(&self, m: &RunModel) -> String {
        format!("blocked {}", self.words(m))
    }
}

/// Every hold so far, in time order (a poll still running counts up to its latest event).
pub fn holds(m: &RunModel) -> impl Iterator<Item = Hold> + '_ {
    (0..m.steps.len()).filter_map(|i| hold_of_step(m, i))
}

/// The hold of step `step`, if that poll held the loop.
pub fn hold_of_step(m: &RunModel, step: usize) -> Option<Hold> {
    let s = m.steps.get(step)?;
    (s.end - s.start > BLOCKED_THRESHOLD).then(|| {
        let inside = |b: &&Block| b.task == s.task && s.start <= b.at && b.at <= s.end;
        let blocking = m.blocks.iter().filter(inside).map(|b| b.dur).sum();
        let call = m.blocks.iter().find(inside).map(|b| b.call);
        Hold { step, task: s.task, start: s.start, end: s.end, blocking, call }
    })
}

/// Time the loop was held, summed over every hold.
pub fn total_held(m: &RunModel) -> Micros {
    holds(m).map(|h| h.held()).sum()
}
