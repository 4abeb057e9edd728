//! A run's recording, interpreted: one lane per task with its segments (running, waiting on
//! what, ready but not yet run, late), the step order, the log, and the counts the metrics and
//! warnings are computed from. Built incrementally: `ingest` reads only the events it has not
//! seen, so the live view can call it every frame. States are derived here, never stored by the
//! runtime (tokio-console's record/interpret split).

use crate::trace::{CancelledBy, Event, EventKind, Micros, Recorder, TaskId, Text, Wait, WakeCause};

/// What a task is doing during a segment.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum State {
    /// Ready to run, waiting for the loop to get to it.
    Scheduled,
    /// Being polled: the thread is its.
    Running,
    /// Suspended at an await, waiting on `Wait`.
    Waiting(Wait),
    /// Its timer was due but the loop was busy: the lateness.
    Late,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Segment {
    pub start: Micros,
    /// `None` while still going on.
    pub end: Option<Micros>,
    pub state: State,
}

/// How a task ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Ending {
    Done { value: Text },
    Failed { error: Text },
    Cancelled { by: CancelledBy },
}

#[derive(Clone, Debug)]
pub struct Lane {
    pub id: TaskId,
    pub name: String,
    pub parent: Option<TaskId>,
    /// Nesting depth under the main task (main is 0).
    pub depth: u32,
    pub spawned: Micros,
    pub segments: Vec<Segment>,
    pub ending: Option<(Micros, Ending)>,
    /// Someone awaited its result or collected its exception.
    pub retrieved: bool,
    /// Times of its prints, for marks on the lane.
    pub prints: Vec<Micros>,
    pub polls: u32,
    pub busy: Micros,
}

impl Lane {
    /// The task's state at `t`, or `None` before it was spawned or after it ended.
    pub fn state_at(&self, t: Micros) -> Option<State> {
        // Segments follow each other without gaps; the last one starting by `t` holds then,
        // unless it is the final one and already over.
        let i = self.segments.partition_point(|s| s.start <= t).checked_sub(1)?;
        let seg = &self.segments[i];
        let over = i + 1 == self.segments.len() && seg.end.is_some_and(|end| t >= end);
        (!over).then_some(seg.state)
    }
}

/// One resume of one task: what the step-order list shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Step {
    pub task: TaskId,
    pub start: Micros,
    pub end: Micros,
    /// What it stopped to wait on; `None` if the poll finished the task.
    pub until: Option<Wait>,
    /// Index of the `PollStart` event in the log (the link to the timeline and the log).
    pub event: usize,
}

/// A line of the log: a print or a lifecycle event.
#[derive(Clone, Debug, PartialEq)]
pub struct LogLine {
    pub time: Micros,
    pub task: TaskId,
    pub kind: LogKind,
    pub event: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub enum LogKind {
    Print(Text),
    Spawned,
    Done(Text),
    Failed(Text),
    CancelRequested(CancelledBy),
    Cancelled(CancelledBy),
    Blocked(Micros),
    NeverAwaited(Text),
    Stuck,
    RunEnd,
}

/// How the run ended, once it has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunEnd {
    Finished,
    Stopped,
    Stuck,
}

#[derive(Default, Debug)]
pub struct RunModel {
    pub lanes: Vec<Lane>,
    pub steps: Vec<Step>,
    pub log: Vec<LogLine>,
    /// Times at which a blocking call held the thread, and for how long, and by whom.
    pub blocks: Vec<(Micros, Micros, TaskId)>,
    /// Each fired timer: (when it fired, how late: fired − due).
    pub lateness: Vec<(Micros, Micros)>,
    /// (time, tasks waiting on timers, requests or workers) at each change.
    pub in_flight: Vec<(Micros, u32)>,
    /// (time, permits held) per named semaphore or lock, at each change.
    pub held: Vec<(Text, Vec<(Micros, u32)>)>,
    pub never_awaited: Vec<(Micros, TaskId, Text)>,
    pub swallowed: Vec<(TaskId, TaskId)>,
    /// Times of recorded wakes (self-wakes of a yield are not recorded).
    pub wakes: Vec<Micros>,
    pub last_time: Micros,
    pub end: Option<(Micros, RunEnd)>,
    /// Events the recorder dropped past its cap: when not 0, the recording stops before the run
    /// did, and what is computed from it covers only its first part.
    pub dropped: u64,
    seen: usize,
    in_flight_now: u32,
}

/// Waits that are "the outside world" (not other tasks or locks): what overlaps in a
/// concurrent program and adds up in a sequential one.
pub fn is_io(wait: &Wait) -> bool {
    matches!(wait, Wait::Timer { .. } | Wait::Fetch { .. } | Wait::Worker { .. })
}

impl RunModel {
    /// Reads the events recorded since the last call.
    pub fn ingest(&mut self, rec: &Recorder) {
        let events = rec.events();
        for (i, e) in events.iter_from(self.seen).enumerate() {
            self.apply(self.seen + i, e, rec);
        }
        self.seen = events.len();
        self.dropped = rec.dropped();
    }

    /// Number of events read so far.
    pub fn seen(&self) -> usize {
        self.seen
    }

    fn lane(&mut self, id: TaskId) -> Option<&mut Lane> {
        self.lanes.get_mut(id.0 as usize)
    }

    fn apply(&mut self, index: usize, e: &Event, rec: &Recorder) {
        let t = e.time;
        self.last_time = self.last_time.max(t);
        let log = |kind| LogLine { time: t, task: e.task, kind, event: index };
        match e.kind {
            EventKind::Spawn { parent, name } => {
                let depth = parent.and_then(|p| self.lanes.get(p.0 as usize)).map_or(0, |p| p.depth + 1);
                self.lanes.push(Lane {
                    id: e.task,
                    name: rec.resolve(name).to_string(),
                    parent,
                    depth,
                    spawned: t,
                    segments: vec![Segment { start: t, end: None, state: State::Scheduled }],
                    ending: None,
                    retrieved: false,
                    prints: Vec::new(),
                    polls: 0,
                    busy: 0,
                });
                self.log.push(log(LogKind::Spawned));
            }
            EventKind::Wake { cause } => {
                self.wakes.push(t);
                let leaving_io = self
                    .lane(e.task)
                    .and_then(|l| l.segments.last())
                    .is_some_and(|s| s.end.is_none() && matches!(s.state, State::Waiting(w) if is_io(&w)));
                if leaving_io {
                    self.change_in_flight(t, -1);
                }
                if let WakeCause::Timer { due } = cause {
                    self.lateness.push((t, t.saturating_sub(due)));
                }
                if let Some(lane) = self.lane(e.task) {
                    match cause {
                        WakeCause::Timer { due } if due < t => {
                            close(lane, due);
                            open(lane, due, State::Late);
                            close(lane, t);
                        }
                        _ => close(lane, t),
                    }
                    open(lane, t, State::Scheduled);
                }
            }
            EventKind::PollStart => {
                if let Some(lane) = self.lane(e.task) {
                    close(lane, t);
                    open(lane, t, State::Running);
                    lane.polls += 1;
                }
                self.steps.push(Step { task: e.task, start: t, end: t, until: None, event: index });
            }
            EventKind::PollEnd { wait } => {
                if let Some(lane) = self.lane(e.task) {
                    if let Some(run) = lane.segments.last() {
                        lane.busy += t.saturating_sub(run.start);
                    }
                    close(lane, t);
                    match wait {
                        // A yield is ready again at once: no wake is recorded for it.
                        Some(Wait::Yield) => open(lane, t, State::Scheduled),
                        Some(w) => open(lane, t, State::Waiting(w)),
                        None => {}
                    }
                }
                if let Some(step) = self.steps.last_mut().filter(|s| s.task == e.task) {
                    step.end = t;
                    step.until = wait;
                }
                if wait.as_ref().is_some_and(is_io) {
                    self.change_in_flight(t, 1);
                }
            }
            // Source lines are read by the script view straight from the recording.
            EventKind::Line { .. } => {}
            EventKind::Done { value } => self.end_task(e, Ending::Done { value }, log(LogKind::Done(value))),
            EventKind::Failed { error } => self.end_task(e, Ending::Failed { error }, log(LogKind::Failed(error))),
            EventKind::Cancelled { by } => self.end_task(e, Ending::Cancelled { by }, log(LogKind::Cancelled(by))),
            EventKind::CancelRequested { by } => self.log.push(log(LogKind::CancelRequested(by))),
            EventKind::Print { text } => {
                if let Some(lane) = self.lane(e.task) {
                    lane.prints.push(t);
                }
                self.log.push(log(LogKind::Print(text)));
            }
            EventKind::Blocking { dur } => {
                self.blocks.push((t, dur, e.task));
                self.log.push(log(LogKind::Blocked(dur)));
            }
            EventKind::NeverAwaited { name } => {
                self.never_awaited.push((t, e.task, name));
                self.log.push(log(LogKind::NeverAwaited(name)));
            }
            EventKind::Retrieved { task } => {
                if let Some(lane) = self.lane(task) {
                    lane.retrieved = true;
                }
            }
            EventKind::Swallowed { task } => {
                self.swallowed.push((e.task, task));
                if let Some(lane) = self.lane(task) {
                    lane.retrieved = true;
                }
            }
            EventKind::Acquired { what } => self.change_held(what, t, 1),
            EventKind::Released { what } => self.change_held(what, t, -1),
            EventKind::Stuck => {
                self.end = Some((t, RunEnd::Stuck));
                self.log.push(log(LogKind::Stuck));
            }
            EventKind::RunEnd => {
                let how = match self.end {
                    Some((_, RunEnd::Stuck)) => RunEnd::Stuck,
                    _ if self
                        .lanes
                        .iter()
                        .any(|l| matches!(l.ending, Some((_, Ending::Cancelled { by: CancelledBy::Stop })))) =>
                    {
                        RunEnd::Stopped
                    }
                    _ => RunEnd::Finished,
                };
                self.end = Some((t, how));
                for lane in &mut self.lanes {
                    close(lane, t);
                }
                self.log.push(log(LogKind::RunEnd));
            }
        }
    }

    fn end_task(&mut self, e: &Event, ending: Ending, line: LogLine) {
        let was_io = self
            .lane(e.task)
            .and_then(|l| l.segments.last())
            .is_some_and(|s| s.end.is_none() && matches!(s.state, State::Waiting(w) if is_io(&w)));
        if was_io {
            self.change_in_flight(e.time, -1);
        }
        if let Some(lane) = self.lane(e.task) {
            close(lane, e.time);
            lane.ending = Some((e.time, ending));
        }
        self.log.push(line);
    }

    fn change_in_flight(&mut self, t: Micros, delta: i32) {
        self.in_flight_now = self.in_flight_now.saturating_add_signed(delta);
        push_change(&mut self.in_flight, t, self.in_flight_now);
    }

    fn change_held(&mut self, what: Text, t: Micros, delta: i32) {
        let i = match self.held.iter().position(|(w, _)| *w == what) {
            Some(i) => i,
            None => {
                self.held.push((what, Vec::new()));
                self.held.len() - 1
            }
        };
        let series = &mut self.held[i].1;
        let now = series.last().map_or(0, |&(_, n)| n).saturating_add_signed(delta);
        push_change(series, t, now);
    }

    /// The time the run covers so far: its end, or the latest event. When the recorder dropped
    /// events, that is the last one kept, earlier than the run's end: only a lower bound.
    pub fn span(&self) -> Micros {
        self.end.map_or(self.last_time, |(t, _)| t)
    }

    /// Most tasks waiting on timers, requests or workers at once, up to `until`.
    pub fn peak_in_flight(&self, until: Micros) -> u32 {
        self.in_flight.iter().take_while(|&&(t, _)| t <= until).map(|&(_, n)| n).max().unwrap_or(0)
    }

    /// The latest any timer fired, over the whole run.
    pub fn worst_lateness(&self) -> Micros {
        self.lateness.iter().map(|&(_, l)| l).max().unwrap_or(0)
    }

    /// Steps that had started by `t` (for scrubbing).
    pub fn steps_until(&self, t: Micros) -> usize {
        self.steps.partition_point(|s| s.start <= t)
    }
}

/// Appends a (time, value) change, merging changes at the same instant.
fn push_change(series: &mut Vec<(Micros, u32)>, t: Micros, value: u32) {
    match series.last_mut() {
        Some(last) if last.0 == t => last.1 = value,
        _ => series.push((t, value)),
    }
}

fn close(lane: &mut Lane, t: Micros) {
    if let Some(seg) = lane.segments.last_mut() {
        if seg.end.is_none() {
            seg.end = Some(t.max(seg.start));
        }
    }
}

fn open(lane: &mut Lane, t: Micros, state: State) {
    lane.segments.push(Segment { start: t, end: None, state });
}
