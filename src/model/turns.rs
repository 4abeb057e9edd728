//! The turns axis: one equal-width column per loop iteration, so "create_task starts on the
//! next turn" is a column to the right, not a sub-millisecond sliver. Inside a column the turn's
//! steps share its width equally, in the order they ran; what happened between steps (a timer
//! callback waking a task, a task ending) sits on the boundary between them.
//!
//! Positions are `f64` in turns: turn `k` spans `[k, k + 1)`. Everything maps by event index
//! (on the virtual clock a whole turn happens at one instant, so times cannot place it); a late
//! segment starts at its timer's due time, which is placed by time inside the step that held
//! the loop then.

use super::describe::instant;
use super::run::{Lane, RunModel, Segment, State, Step};
use crate::trace::Micros;

/// Reads a model's turns as an axis.
#[derive(Clone, Copy)]
pub struct TurnAxis<'a> {
    m: &'a RunModel,
}

/// A label on the turns axis: the turn's number, and its time as a secondary label.
#[derive(Clone, Debug, PartialEq)]
pub struct TurnTick {
    pub turn: usize,
    /// Where its column starts.
    pub pos: f64,
    /// "1", "2", … (turns counted from 1, as people count).
    pub label: String,
    /// When it began: "0.500 s".
    pub time: String,
}

impl<'a> TurnAxis<'a> {
    pub fn new(m: &'a RunModel) -> Self {
        TurnAxis { m }
    }

    /// Turns recorded so far.
    pub fn len(&self) -> usize {
        self.m.turns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.m.turns.is_empty()
    }

    /// The end of the axis: just after the last turn.
    pub fn end(&self) -> f64 {
        self.len() as f64
    }

    /// Turn `k`'s steps and where its column starts.
    fn turn(&self, k: usize) -> (&'a [Step], f64) {
        (self.m.steps_of_turn(k), k as f64)
    }

    /// Where event `event` sits. A step fills its slot from its `PollStart` to its `PollEnd`;
    /// events inside a poll sit mid-slot; events between two steps on the boundary.
    pub fn pos_of_event(&self, event: usize) -> f64 {
        let Some(k) = self.m.turns.partition_point(|t| t.event <= event).checked_sub(1) else { return 0.0 };
        let (steps, base) = self.turn(k);
        if steps.is_empty() {
            return base + 0.5;
        }
        let slot = 1.0 / steps.len() as f64;
        let Some(j) = steps.partition_point(|s| s.event <= event).checked_sub(1) else { return base };
        let s = &steps[j];
        let start = base + j as f64 * slot;
        if event == s.event {
            start
        } else if s.is_open() || event < s.end_event {
            start + slot / 2.0
        } else {
            start + slot
        }
    }

    /// The last place time `t` falls: inside the step running then (in proportion), else on
    /// the boundary after the last step that began by then (on the virtual clock many turns
    /// share one instant: this is after all of them).
    pub fn pos_of_time(&self, t: Micros) -> f64 {
        self.place_time(t).0
    }

    /// The first place time `t` falls: inside the step running then, else the start of the
    /// first turn that began at or after it.
    pub fn first_pos_of_time(&self, t: Micros) -> f64 {
        match self.place_time(t) {
            (pos, true) => pos,
            (_, false) => self.m.turns.partition_point(|turn| turn.time < t) as f64,
        }
    }

    /// Where `t` falls at the latest, and whether that is strictly inside a step.
    fn place_time(&self, t: Micros) -> (f64, bool) {
        let Some(k) = self.m.turns.partition_point(|turn| turn.time <= t).checked_sub(1) else { return (0.0, false) };
        let (steps, base) = self.turn(k);
        if steps.is_empty() {
            return (base + 0.5, false);
        }
        let slot = 1.0 / steps.len() as f64;
        let Some(j) = steps.partition_point(|s| s.start <= t).checked_sub(1) else { return (base, false) };
        let s = &steps[j];
        let start = base + j as f64 * slot;
        if s.is_open() {
            (start + slot / 2.0, true)
        } else if t < s.end {
            (start + slot * (t - s.start) as f64 / (s.end - s.start) as f64, t > s.start)
        } else {
            (start + slot, false)
        }
    }

    /// The time at position `pos` (the inverse of [`TurnAxis::pos_of_time`] inside steps; a
    /// boundary gives the end of the step before it).
    pub fn time_of_pos(&self, pos: f64) -> Micros {
        if self.is_empty() || pos <= 0.0 {
            return 0;
        }
        let k = (pos.floor() as usize).min(self.len() - 1);
        let (steps, base) = self.turn(k);
        let turn_time = self.m.turns[k].time;
        if steps.is_empty() {
            return turn_time;
        }
        let frac = ((pos - base) * steps.len() as f64).clamp(0.0, steps.len() as f64);
        let j = (frac.floor() as usize).min(steps.len() - 1);
        let s = &steps[j];
        let within = (frac - j as f64).clamp(0.0, 1.0);
        s.start + (within * s.end.saturating_sub(s.start) as f64) as Micros
    }

    /// The turn whose column holds `pos`.
    pub fn turn_at(&self, pos: f64) -> Option<usize> {
        (pos >= 0.0 && pos < self.end()).then(|| pos.floor() as usize)
    }

    /// Where a segment begins (a late one at its due time, inside the step that held the loop).
    fn start_of(&self, seg: &Segment) -> f64 {
        let at_event = self.pos_of_event(seg.start_event);
        if seg.state == State::Late {
            self.pos_of_time(seg.start).min(at_event)
        } else {
            at_event
        }
    }

    /// Segment `i` of `lane` on the axis; one still going on reaches the axis's end.
    pub fn segment_span(&self, lane: &Lane, i: usize) -> (f64, f64) {
        let Some(seg) = lane.segments.get(i) else { return (0.0, 0.0) };
        let start = self.start_of(seg);
        let end = match (lane.segments.get(i + 1), seg.end_event) {
            (Some(next), _) => self.start_of(next),
            (None, Some(e)) => self.pos_of_event(e),
            (None, None) => self.end(),
        };
        (start, end.max(start))
    }

    /// The index of `lane`'s segment at `pos`.
    pub fn segment_at(&self, lane: &Lane, pos: f64) -> Option<usize> {
        // Segments follow each other, so their starts are in order: a binary search.
        let (mut lo, mut hi) = (0, lane.segments.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.start_of(&lane.segments[mid]) <= pos {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let i = lo.checked_sub(1)?;
        (pos <= self.segment_span(lane, i).1).then_some(i)
    }

    /// Step `i` on the axis: its slot of its turn.
    pub fn step_span(&self, i: usize) -> (f64, f64) {
        let Some(s) = self.m.steps.get(i) else { return (0.0, 0.0) };
        let end = if s.is_open() { self.pos_of_event(s.event + 1) } else { self.pos_of_event(s.end_event) };
        let start = self.pos_of_event(s.event);
        (start, end.max(start))
    }

    /// The step whose slot holds `pos`, if the turn there ran any.
    pub fn step_at(&self, pos: f64) -> Option<usize> {
        let k = self.turn_at(pos)?;
        let (steps, base) = self.turn(k);
        if steps.is_empty() {
            return None;
        }
        let j = (((pos - base) * steps.len() as f64).floor() as usize).min(steps.len() - 1);
        Some(self.m.turns[k].first_step + j)
    }

    /// The turn step `i` ran in.
    pub fn turn_of_step(&self, i: usize) -> Option<usize> {
        self.m.turns.partition_point(|t| t.first_step <= i).checked_sub(1)
    }

    /// Labels for the window `[from, to]`: every turn, or every 2nd, 5th, 10th… so that at most
    /// `max` are shown.
    pub fn ticks(&self, from: f64, to: f64, max: usize) -> Vec<TurnTick> {
        if self.is_empty() || to <= from {
            return Vec::new();
        }
        let span = (to - from).max(1.0);
        let raw = (span / max.max(1) as f64).ceil().max(1.0) as usize;
        let step = nice_step(raw);
        let first = (from.max(0.0).ceil() as usize).div_ceil(step) * step;
        (first..self.len())
            .step_by(step)
            .take_while(|&k| k as f64 <= to)
            .map(|k| TurnTick {
                turn: k,
                pos: k as f64,
                label: (k + 1).to_string(),
                time: instant(self.m.turns[k].time),
            })
            .collect()
    }
}

/// The smallest of 1, 2, 5, 10, 20, 50… that is at least `raw`.
fn nice_step(raw: usize) -> usize {
    let mut p = 1;
    loop {
        for m in [1, 2, 5] {
            if m * p >= raw {
                return m * p;
            }
        }
        p *= 10;
    }
}
