//! Which source line each Python task was at, read from the recording: the engine records a
//! task's line each time it suspends or ends (`EventKind::Line`, just before its `PollEnd`).
//! From that,
//! the page lights the line every task is on at any moment of the run, the line of a picked
//! step, and, the other way round, the moments a task ran to or waited at a given line.

use crate::model::RunModel;
use crate::trace::{EventKind, Micros, Recorder, TaskId};

/// A task reached `line` (and suspended there) at event `event`, time `time`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    pub task: TaskId,
    pub event: usize,
    pub time: Micros,
    pub line: u32,
}

/// The marks of one run, in recording order, read incrementally like the model.
#[derive(Default, Debug)]
pub struct LineIndex {
    marks: Vec<Mark>,
    /// Per task (by id): the event and time it ended at, once it has.
    ends: Vec<Option<(usize, Micros)>>,
    seen: usize,
}

/// Where the page stands in a run: up to a time, or up to (not including) an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Upto {
    Time(Micros),
    Event(usize),
}

/// A line some tasks are on, with their names, in task order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LitLine {
    pub line: u32,
    pub tasks: Vec<(TaskId, String)>,
}

impl LineIndex {
    /// Reads the events recorded since the last call.
    pub fn ingest(&mut self, rec: &Recorder) {
        let events = rec.events();
        for (i, e) in events.iter_from(self.seen).enumerate() {
            let event = self.seen + i;
            match e.kind {
                EventKind::Line { line } => self.marks.push(Mark { task: e.task, event, time: e.time, line }),
                EventKind::Done { .. } | EventKind::Failed { .. } | EventKind::Cancelled { .. } => {
                    let id = e.task.0 as usize;
                    if id >= self.ends.len() {
                        self.ends.resize(id + 1, None);
                    }
                    self.ends[id] = Some((event, e.time));
                }
                _ => {}
            }
        }
        self.seen = events.len();
    }

    pub fn marks(&self) -> &[Mark] {
        &self.marks
    }

    /// Marks recorded before `upto`.
    fn before(&self, upto: Upto) -> &[Mark] {
        let n = match upto {
            Upto::Time(t) => self.marks.partition_point(|m| m.time <= t),
            Upto::Event(e) => self.marks.partition_point(|m| m.event < e),
        };
        &self.marks[..n]
    }

    /// The line each task still alive at `upto` was last at, grouped by line (in line order).
    /// A task that has not reached its first await yet has no line.
    pub fn lit(&self, m: &RunModel, upto: Upto) -> Vec<LitLine> {
        let marks = self.before(upto);
        let mut last: Vec<Option<u32>> = vec![None; m.lanes.len()];
        for mk in marks {
            if let Some(slot) = last.get_mut(mk.task.0 as usize) {
                *slot = Some(mk.line);
            }
        }
        let mut lit: Vec<LitLine> = Vec::new();
        for (lane, line) in m.lanes.iter().zip(last) {
            let Some(line) = line else { continue };
            let ended = match (self.ends.get(lane.id.0 as usize).copied().flatten(), upto) {
                (Some((_, t)), Upto::Time(at)) => t <= at,
                (Some((event, _)), Upto::Event(bound)) => event < bound,
                (None, _) => false,
            };
            if ended {
                continue;
            }
            match lit.iter_mut().find(|l| l.line == line) {
                Some(l) => l.tasks.push((lane.id, lane.name.clone())),
                None => lit.push(LitLine { line, tasks: vec![(lane.id, lane.name.clone())] }),
            }
        }
        lit.sort_by_key(|l| l.line);
        lit
    }

    /// The line a step (a poll) left its task at: where it suspended, or for the step that
    /// finished the task, the line it returned or raised at.
    pub fn line_of_step(&self, m: &RunModel, step: usize) -> Option<u32> {
        let s = m.steps.get(step)?;
        let end = m.steps.get(step + 1).map_or(usize::MAX, |n| n.event);
        let from = self.marks.partition_point(|mk| mk.event < s.event);
        let upto = self.marks.partition_point(|mk| mk.event < end);
        let during = self.marks[from..upto].iter().rev().find(|mk| mk.task == s.task);
        during.or_else(|| self.marks[..from].iter().rev().find(|mk| mk.task == s.task)).map(|mk| mk.line)
    }

    /// The steps that ran to `line` or resumed from it, by index: what "the segments that ran
    /// or waited there" are on the timeline (a wait at a line follows the step that reached it).
    pub fn steps_at_line(&self, m: &RunModel, line: u32) -> Vec<usize> {
        let mut out = Vec::new();
        for mk in self.marks.iter().filter(|mk| mk.line == line) {
            // The step that reached the line is the last one of its task starting before it.
            let i = m.steps.partition_point(|s| s.event < mk.event);
            if let Some(k) = (0..i).rev().find(|&k| m.steps[k].task == mk.task) {
                out.push(k);
            }
            // The step that resumed from it is the task's next one.
            if let Some(k) = (i..m.steps.len()).find(|&k| m.steps[k].task == mk.task) {
                out.push(k);
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// What a folded code column says (a phone folds the code away on Run, so the timeline has
/// the screen): the picked line with its text, else where the tasks are now, else nothing.
pub fn peek(source: &str, picked: Option<u32>, lit: &[LitLine]) -> String {
    const MOST: usize = 3;
    if let Some(n) = picked {
        let text = source.lines().nth(n.saturating_sub(1) as usize).unwrap_or("").trim();
        let cut: String = text.chars().take(40).collect();
        let more = if cut.len() < text.len() { "…" } else { "" };
        return format!("line {n}: {cut}{more}");
    }
    let mut parts: Vec<String> = lit
        .iter()
        .take(MOST)
        .map(|l| match l.tasks.as_slice() {
            [(_, name)] => format!("{name} on line {}", l.line),
            many => format!("{} tasks on line {}", many.len(), l.line),
        })
        .collect();
    if lit.len() > MOST {
        parts.push(format!("{} more lines", lit.len() - MOST));
    }
    parts.join(" · ")
}
