//! A run's recording, interpreted: one lane per task with its segments (running, waiting on
//! what, ready but not yet run, late), the step order, the log, and the counts the metrics and
//! warnings are computed from. Built incrementally: `ingest` reads only the events it has not
//! seen, so the live view can call it every frame. States are derived here, never stored by the
//! runtime (tokio-console's record/interpret split).

use std::collections::VecDeque;

use crate::trace::{BlockingCall, CancelledBy, Event, EventKind, Micros, Recorder, TaskId, Text, Wait, WakeCause};

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
    /// Index of the event that began it. A late segment begins at its timer's due time, between
    /// events: its `start_event` is the wake that ended it.
    pub start_event: usize,
    /// Index of the event that ended it, once one has.
    pub end_event: Option<usize>,
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
    /// Index of the event that ended it (`Done`, `Failed` or `Cancelled`).
    pub end_event: Option<usize>,
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
    /// Index of its `PollEnd` event; equal to `event` while the poll is still going on.
    pub end_event: usize,
}

impl Step {
    /// Still being polled (the recording has not reached its end yet).
    pub fn is_open(&self) -> bool {
        self.end_event == self.event
    }
}

/// One iteration of the loop (asyncio's `_run_once`): the turns axis has a column for each.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Turn {
    pub time: Micros,
    /// Index of its `Turn` event.
    pub event: usize,
    /// Handles (task steps and callbacks) it ran.
    pub handles: u32,
    /// Index into [`RunModel::steps`] of its first step (its steps run up to the next turn's).
    pub first_step: usize,
    /// Where its ready queue starts in the model's list of ready queues, and how long it is.
    ready: (u32, u32),
}

/// Why a timer fired late: what filled the overdue window (its due time to its wake).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LateCause {
    /// One task's poll covered at least half of the window: it held the loop.
    Held { by: TaskId, held: Micros },
    /// Tasks ran for at least half of the window, none for half on its own: the loop was busy
    /// taking `polls` turns of task code.
    Busy { polls: u32, held: Micros },
    /// Tasks ran for less than half of the window (`held` in all): the browser, not the
    /// program, was busy (drawing, other pages, timer clamping).
    Browser { held: Micros },
}

/// A timer that fired (or was cancelled) after its due time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Late {
    pub task: TaskId,
    pub due: Micros,
    /// When it fired, or when the task was woken or ended by something else first.
    pub at: Micros,
    /// The wake (or ending) event: the end of the task's late segment.
    pub event: usize,
    /// Overdue and then cancelled (or woken another way) instead of firing.
    pub cancelled: bool,
    pub cause: LateCause,
}

impl Late {
    pub fn lateness(&self) -> Micros {
        self.at - self.due
    }
}

/// A value that changes over the run: permits in use, items in a queue.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub what: Text,
    /// The semaphore's permits, 1 for a lock, a queue's maxsize; 0 when there is none.
    pub limit: u32,
    pub points: Vec<Point>,
    /// The highest value in `points`, kept as they come: the timeline reads it every frame and
    /// a 100,000-item queue has hundreds of thousands of points.
    peak: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Point {
    pub time: Micros,
    pub event: usize,
    /// The value from this event on.
    pub value: u32,
}

impl Series {
    /// The value as of time `t` (after every change at `t`).
    pub fn value_at(&self, t: Micros) -> u32 {
        let i = self.points.partition_point(|p| p.time <= t);
        i.checked_sub(1).map_or(0, |i| self.points[i].value)
    }

    /// The highest value reached.
    pub fn peak(&self) -> u32 {
        self.peak
    }
}

/// What a connector between two lanes carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    /// A task's exception, taken by the task that awaited it (directly or through gather).
    Raised,
    /// `gather(..., return_exceptions=True)` took the exception and handed it back as a value.
    Swallowed,
    /// `task.cancel()`, from the caller to where the cancellation reaches the task.
    Cancel,
    /// A `wait_for` timeout cancelling the work it waited on.
    Timeout,
}

/// A connector: something travelling from one task to another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Link {
    pub kind: LinkKind,
    pub from: TaskId,
    pub from_time: Micros,
    pub from_event: usize,
    pub to: TaskId,
    /// Where it arrives: the awaiter taking the exception, or the cancelled task's next step
    /// (where `CancelledError` is raised at its await) or its end. `None` until it has.
    pub to_time: Option<Micros>,
    pub to_event: Option<usize>,
}

/// Where a `wait_for` timeout fired and what it cancelled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Deadline {
    /// The task that called `wait_for`.
    pub waiter: TaskId,
    /// The work it cancelled.
    pub target: TaskId,
    /// When the timeout was due.
    pub due: Micros,
    /// When its timer fired (later than `due` if the loop was busy).
    pub fired: Micros,
    pub fired_event: usize,
}

/// A coroutine created and dropped without ever running (forgot `await`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ghost {
    pub at: Micros,
    pub event: usize,
    /// The task it was created in.
    pub task: TaskId,
    /// The coroutine function's name, as Python's warning gives it.
    pub name: Text,
}

/// A timer wake of a task: what a `wait_for` deadline is read from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct TimerWake {
    due: Micros,
    at: Micros,
    event: usize,
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
    Blocked(Micros, BlockingCall),
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

/// A blocking call that held the thread: from `at` for `dur`, in `task`'s poll.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block {
    pub at: Micros,
    pub dur: Micros,
    pub task: TaskId,
    pub call: BlockingCall,
}

#[derive(Default, Debug)]
pub struct RunModel {
    pub lanes: Vec<Lane>,
    pub steps: Vec<Step>,
    pub log: Vec<LogLine>,
    /// Each time a blocking call held the thread.
    pub blocks: Vec<Block>,
    /// Each fired timer: (when it fired, how late: fired − due).
    pub lateness: Vec<(Micros, Micros)>,
    /// (time, tasks waiting on timers, requests or workers) at each change.
    pub in_flight: Vec<(Micros, u32)>,
    /// Permits in use, per named semaphore or lock.
    pub permits: Vec<Series>,
    /// Items waiting, per named queue.
    pub queues: Vec<Series>,
    pub never_awaited: Vec<Ghost>,
    pub swallowed: Vec<(TaskId, TaskId)>,
    /// Every loop iteration recorded, in order.
    pub turns: Vec<Turn>,
    /// Timers that fired (or were cancelled) after their due time, in the order of their wakes.
    pub late: Vec<Late>,
    /// Exceptions and cancellations travelling between tasks.
    pub links: Vec<Link>,
    /// `wait_for` timeouts that fired.
    pub deadlines: Vec<Deadline>,
    /// Times of recorded wakes (self-wakes of a yield are not recorded).
    pub wakes: Vec<Micros>,
    pub last_time: Micros,
    /// When the event loop first ran: its first turn (its first task, until a turn is recorded).
    /// Until then only the program's top level ran, outside any loop.
    pub loop_from: Option<Micros>,
    pub end: Option<(Micros, RunEnd)>,
    /// Events the recorder dropped past its cap: when not 0, the recording stops before the run
    /// did, and what is computed from it covers only its first part.
    pub dropped: u64,
    /// Lateness drawn, named and warned about from this long on; `None`: [`LATE_THRESHOLD`].
    late_threshold: Option<Micros>,
    seen: usize,
    in_flight_now: u32,
    /// Tasks ready to run, in the loop's order (ended tasks are skipped when read).
    ready_now: VecDeque<TaskId>,
    /// Each turn's ready queue, end to end.
    ready_log: Vec<TaskId>,
    /// `busy_prefix[i]`: time the first `i` steps ran (lateness causes in O(log n)).
    busy_prefix: Vec<Micros>,
    /// Steps long enough to hold a timer's overdue window on their own.
    long_steps: Vec<usize>,
    /// (name, limit) of every semaphore, lock and queue made, for their lanes' scales.
    limits: Vec<(Text, u32)>,
    /// Cancellation links that have not reached their task yet.
    travelling: Vec<usize>,
    /// The latest timer wake of each task.
    timer_wakes: Vec<Option<TimerWake>>,
}

/// Waits that are "the outside world" (not other tasks or locks): what overlaps in a
/// concurrent program and adds up in a sequential one.
pub fn is_io(wait: &Wait) -> bool {
    matches!(wait, Wait::Timer { .. } | Wait::Fetch { .. } | Wait::Worker { .. })
}

/// Timer lateness shorter than this is not drawn, named or warned about: a browser's timers
/// fire a few milliseconds late on an idle page (the legend prints this threshold).
pub const LATE_THRESHOLD: Micros = 15_000;

/// Module code shorter than this is not drawn: importing and defining take a few milliseconds
/// in the page before every `asyncio.run`, which is not what a learner wrote to take time.
pub const MODULE_SHOWN_FROM: Micros = 15_000;

impl RunModel {
    /// A model that judges lateness from `threshold` on, not [`LATE_THRESHOLD`]: in slow
    /// motion the browser's timer noise, which is real time, reads `speed` times as long.
    pub fn judging_lateness_from(threshold: Micros) -> Self {
        RunModel { late_threshold: Some(threshold), ..RunModel::default() }
    }

    /// Timer lateness shorter than this is not drawn, named or warned about.
    pub fn late_threshold(&self) -> Micros {
        self.late_threshold.unwrap_or(LATE_THRESHOLD)
    }

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
        match e.kind {
            EventKind::Spawn { .. } if self.loop_from.is_none() => self.loop_from = Some(t),
            // The first turn is when the loop really ran. A task is stamped with the clock as
            // last read, which in the page can be before a top-level time.sleep ended.
            EventKind::Turn { .. } if self.turns.is_empty() => {
                self.loop_from = Some(self.loop_from.map_or(t, |from| from.max(t)));
            }
            _ => {}
        }
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
                    segments: vec![Segment {
                        start: t,
                        end: None,
                        state: State::Scheduled,
                        start_event: index,
                        end_event: None,
                    }],
                    ending: None,
                    end_event: None,
                    retrieved: false,
                    prints: Vec::new(),
                    polls: 0,
                    busy: 0,
                });
                self.timer_wakes.push(None);
                self.ready_now.push_back(e.task);
                self.log.push(log(LogKind::Spawned));
            }
            EventKind::Wake { cause } => {
                self.wakes.push(t);
                self.leave_io(e.task, t);
                if let WakeCause::Timer { due } = cause {
                    self.lateness.push((t, t.saturating_sub(due)));
                    if let Some(slot) = self.timer_wakes.get_mut(e.task.0 as usize) {
                        *slot = Some(TimerWake { due, at: t, event: index });
                    }
                }
                match cause {
                    WakeCause::Timer { due } if due < t => self.split_late(e.task, due, t, index, false),
                    _ => self.overdue_timer(e.task, t, index),
                }
                if let Some(lane) = self.lane(e.task) {
                    close(lane, t, index);
                    open(lane, t, State::Scheduled, index);
                }
                self.ready_now.push_back(e.task);
            }
            EventKind::PollStart => {
                if let Some(lane) = self.lane(e.task) {
                    close(lane, t, index);
                    open(lane, t, State::Running, index);
                    lane.polls += 1;
                }
                self.take_from_ready(e.task);
                self.arrive(e.task, t, index);
                let before = match self.steps.last() {
                    Some(prev) => self.busy_prefix.last().copied().unwrap_or(0) + (prev.end - prev.start),
                    None => 0,
                };
                self.busy_prefix.push(before);
                self.steps.push(Step { task: e.task, start: t, end: t, until: None, event: index, end_event: index });
            }
            EventKind::PollEnd { wait } => {
                self.cut_block_short(e.task, t);
                if let Some(lane) = self.lane(e.task) {
                    if let Some(run) = lane.segments.last() {
                        lane.busy += t.saturating_sub(run.start);
                    }
                    close(lane, t, index);
                    match wait {
                        // A yield is ready again at once: no wake is recorded for it.
                        Some(Wait::Yield) => open(lane, t, State::Scheduled, index),
                        Some(w) => open(lane, t, State::Waiting(w), index),
                        None => {}
                    }
                }
                if wait == Some(Wait::Yield) {
                    self.ready_now.push_back(e.task);
                }
                let last = self.steps.len().saturating_sub(1);
                if let Some(step) = self.steps.last_mut().filter(|s| s.task == e.task) {
                    step.end = t;
                    step.until = wait;
                    step.end_event = index;
                    if step.end - step.start >= self.late_threshold() / 2 {
                        self.long_steps.push(last);
                    }
                }
                if wait.as_ref().is_some_and(is_io) {
                    self.change_in_flight(t, 1);
                }
            }
            // Source lines are read by the script view straight from the recording.
            EventKind::Line { .. } => {}
            EventKind::Done { value } => self.end_task(e, index, Ending::Done { value }, log(LogKind::Done(value))),
            EventKind::Failed { error } => {
                self.end_task(e, index, Ending::Failed { error }, log(LogKind::Failed(error)))
            }
            EventKind::Cancelled { by } => {
                self.end_task(e, index, Ending::Cancelled { by }, log(LogKind::Cancelled(by)))
            }
            EventKind::CancelRequested { by } => {
                self.cancel_requested(e.task, by, t, index);
                self.log.push(log(LogKind::CancelRequested(by)));
            }
            EventKind::Print { text } => {
                if let Some(lane) = self.lane(e.task) {
                    lane.prints.push(t);
                }
                self.log.push(log(LogKind::Print(text)));
            }
            EventKind::Blocking { dur, call } => {
                self.blocks.push(Block { at: t, dur, task: e.task, call });
                self.log.push(log(LogKind::Blocked(dur, call)));
            }
            EventKind::NeverAwaited { name } => {
                self.never_awaited.push(Ghost { at: t, event: index, task: e.task, name });
                self.log.push(log(LogKind::NeverAwaited(name)));
            }
            EventKind::Retrieved { task } => {
                let failed_at = self.lane(task).and_then(|lane| {
                    lane.retrieved = true;
                    match (&lane.ending, lane.end_event) {
                        (Some((at, Ending::Failed { .. })), Some(ev)) => Some((*at, ev)),
                        _ => None,
                    }
                });
                // Read outside any task, the exception went nowhere a lane can show.
                if let Some((at, ev)) = failed_at.filter(|_| e.task != TaskId::OUTSIDE && e.task != task) {
                    self.links.push(Link {
                        kind: LinkKind::Raised,
                        from: task,
                        from_time: at,
                        from_event: ev,
                        to: e.task,
                        to_time: Some(t),
                        to_event: Some(index),
                    });
                }
            }
            EventKind::Swallowed { task } => {
                self.swallowed.push((e.task, task));
                let failed_at = self.lane(task).and_then(|lane| {
                    lane.retrieved = true;
                    lane.ending.as_ref().map(|(at, _)| *at).zip(lane.end_event)
                });
                if let Some((at, ev)) = failed_at {
                    self.links.push(Link {
                        kind: LinkKind::Swallowed,
                        from: task,
                        from_time: at,
                        from_event: ev,
                        to: e.task,
                        to_time: Some(t),
                        to_event: Some(index),
                    });
                }
            }
            EventKind::Left { left } => {
                // The wait goes on as a new segment from here, so each part reads the count
                // that stood then (on the lane, in its tip, while scrubbing).
                if let Some(lane) = self.lane(e.task) {
                    let open_many = lane.segments.last().filter(|s| s.end.is_none()).and_then(|s| match s.state {
                        State::Waiting(Wait::Many { what, pending }) if pending != left => Some(what),
                        _ => None,
                    });
                    if let Some(what) = open_many {
                        close(lane, t, index);
                        open(lane, t, State::Waiting(Wait::Many { what, pending: left }), index);
                    }
                }
            }
            EventKind::Acquired { what } => change(&mut self.permits, &self.limits, what, t, index, 1),
            EventKind::Released { what } => change(&mut self.permits, &self.limits, what, t, index, -1),
            EventKind::Enqueued { queue } => change(&mut self.queues, &self.limits, queue, t, index, 1),
            EventKind::Dequeued { queue } => change(&mut self.queues, &self.limits, queue, t, index, -1),
            EventKind::Limit { what, limit } => {
                // Two semaphores (or queues) made under one name share a lane: their limits add up.
                match self.limits.iter_mut().find(|(w, _)| *w == what) {
                    Some((_, l)) => *l = l.saturating_add(limit),
                    None => self.limits.push((what, limit)),
                }
                let total = self.limit_of(what);
                for series in self.permits.iter_mut().chain(self.queues.iter_mut()).filter(|s| s.what == what) {
                    series.limit = total;
                }
            }
            EventKind::Turn { handles } => {
                let start = self.ready_log.len() as u32;
                let lanes = &self.lanes;
                let ended = |id: &TaskId| lanes.get(id.0 as usize).is_none_or(|l| l.ending.is_some());
                self.ready_now.retain(|id| !ended(id));
                self.ready_log.extend(self.ready_now.iter().copied());
                let ready = (start, self.ready_log.len() as u32 - start);
                self.turns.push(Turn { time: t, event: index, handles, first_step: self.steps.len(), ready });
            }
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
                    close(lane, t, index);
                }
                self.ready_now.clear();
                self.log.push(log(LogKind::RunEnd));
            }
        }
    }

    fn end_task(&mut self, e: &Event, index: usize, ending: Ending, line: LogLine) {
        self.leave_io(e.task, e.time);
        self.overdue_timer(e.task, e.time, index);
        self.arrive(e.task, e.time, index);
        if let Some(lane) = self.lane(e.task) {
            close(lane, e.time, index);
            lane.ending = Some((e.time, ending));
            lane.end_event = Some(index);
        }
        self.log.push(line);
    }

    /// A task waiting on the outside world stops doing so at `t`.
    fn leave_io(&mut self, task: TaskId, t: Micros) {
        let was_io = self
            .lanes
            .get(task.0 as usize)
            .and_then(|l| l.segments.last())
            .is_some_and(|s| s.end.is_none() && matches!(s.state, State::Waiting(w) if is_io(&w)));
        if was_io {
            self.change_in_flight(t, -1);
        }
    }

    /// A task sleeping past its timer's due time is woken or ended by something else: the
    /// timer was overdue (the loop could not fire it), so that part of the wait was late.
    fn overdue_timer(&mut self, task: TaskId, t: Micros, index: usize) {
        let due = self.lanes.get(task.0 as usize).and_then(|l| l.segments.last()).and_then(|s| match s.state {
            State::Waiting(Wait::Timer { due, .. }) if s.end.is_none() && due < t => Some(due),
            _ => None,
        });
        if let Some(due) = due {
            self.lateness.push((t, t - due));
            self.split_late(task, due, t, index, true);
        }
    }

    /// A step that ended before the `time.sleep` it began (Stop in the middle of it): the
    /// block lasted until then, not as long as it asked.
    fn cut_block_short(&mut self, task: TaskId, t: Micros) {
        let Some(block) = self.blocks.last_mut().filter(|b| b.task == task && b.at + b.dur > t) else { return };
        block.dur = t.saturating_sub(block.at);
        let dur = block.dur;
        let call = block.call;
        if let Some(line) = self.log.iter_mut().rev().find(|l| l.task == task && matches!(l.kind, LogKind::Blocked(..)))
        {
            line.kind = LogKind::Blocked(dur, call);
        }
    }

    /// Draws `[due, t]` of the task's wait as late and says why it was.
    fn split_late(&mut self, task: TaskId, due: Micros, t: Micros, index: usize, cancelled: bool) {
        let cause = self.late_cause(due, t);
        if let Some(lane) = self.lane(task) {
            close(lane, due, index);
            open(lane, due, State::Late, index);
            close(lane, t, index);
        }
        self.late.push(Late { task, due, at: t, event: index, cancelled, cause });
    }

    /// What filled `[from, to]`: one task's poll, many polls, or no task at all. Sums come from
    /// prefix sums; the single holder is looked for among the window's first and last polls and
    /// the polls long enough to fill half of a window as long as the late threshold, so in a
    /// shorter window (never drawn) one short poll inside it holding half counts as busy.
    fn late_cause(&self, from: Micros, to: Micros) -> LateCause {
        let overlap = |s: &Step| {
            let end = if s.is_open() { to } else { s.end };
            end.min(to).saturating_sub(s.start.max(from))
        };
        let mut tally = Tally::default();
        // Every step but the last has ended; the last may still be running.
        let (earlier, latest) = self.steps.split_at(self.steps.len().saturating_sub(1));
        let first = earlier.partition_point(|s| s.end <= from);
        let last = earlier.partition_point(|s| s.start < to);
        if first < last {
            tally.step(&earlier[first], overlap(&earlier[first]));
            if last - 1 > first {
                tally.step(&earlier[last - 1], overlap(&earlier[last - 1]));
            }
            // Steps strictly between the two edges lie wholly inside the window.
            let (inner_from, inner_to) = (first + 1, last - 1);
            if inner_from < inner_to {
                tally.held += self.busy_prefix[inner_to] - self.busy_prefix[inner_from];
                tally.polls += (inner_to - inner_from) as u32;
                let long = &self.long_steps;
                let from_long = long.partition_point(|&i| i < inner_from);
                for &i in long[from_long..].iter().take_while(|&&i| i < inner_to) {
                    tally.holder(self.steps[i].task, overlap(&self.steps[i]));
                }
            }
        }
        if let Some(s) = latest.first() {
            tally.step(s, overlap(s));
        }
        let window = to - from;
        match tally.biggest {
            Some((by, most)) if most * 2 >= window => LateCause::Held { by, held: most },
            _ if tally.held * 2 >= window => LateCause::Busy { polls: tally.polls, held: tally.held },
            _ => LateCause::Browser { held: tally.held },
        }
    }

    fn take_from_ready(&mut self, task: TaskId) {
        match self.ready_now.front() {
            Some(&first) if first == task => {
                self.ready_now.pop_front();
            }
            _ => {
                if let Some(i) = self.ready_now.iter().position(|&t| t == task) {
                    self.ready_now.remove(i);
                }
            }
        }
    }

    fn cancel_requested(&mut self, target: TaskId, by: CancelledBy, t: Micros, index: usize) {
        let (from, kind) = match by {
            CancelledBy::Task(c) => (c, LinkKind::Cancel),
            CancelledBy::Timeout(c) => (c, LinkKind::Timeout),
            _ => return,
        };
        if let CancelledBy::Timeout(waiter) = by {
            // The timeout is the waiter's latest timer wake; with none (a zero timeout), it is now.
            let fired = self.timer_wakes.get(waiter.0 as usize).copied().flatten();
            let wake = fired.unwrap_or(TimerWake { due: t, at: t, event: index });
            self.deadlines.push(Deadline { waiter, target, due: wake.due, fired: wake.at, fired_event: wake.event });
        }
        self.travelling.push(self.links.len());
        self.links.push(Link {
            kind,
            from,
            from_time: t,
            from_event: index,
            to: target,
            to_time: None,
            to_event: None,
        });
    }

    /// The task takes its next step or ends: cancellations travelling to it have arrived.
    fn arrive(&mut self, task: TaskId, t: Micros, index: usize) {
        let links = &mut self.links;
        self.travelling.retain(|&i| match links.get_mut(i) {
            Some(link) if link.to == task => {
                link.to_time = Some(t);
                link.to_event = Some(index);
                false
            }
            _ => true,
        });
    }

    fn limit_of(&self, what: Text) -> u32 {
        self.limits.iter().find(|(w, _)| *w == what).map_or(0, |&(_, l)| l)
    }

    fn change_in_flight(&mut self, t: Micros, delta: i32) {
        self.in_flight_now = self.in_flight_now.saturating_add_signed(delta);
        push_change(&mut self.in_flight, t, self.in_flight_now);
    }

    /// The time the run covers so far: its end, or the latest event. When the recorder dropped
    /// events, that is the last one kept, earlier than the run's end: only a lower bound.
    pub fn span(&self) -> Micros {
        self.end.map_or(self.last_time, |(t, _)| t)
    }

    /// The run's start when only the program's top level ran, before any event loop did:
    /// `(0, end)`, up to the loop's first task, or the whole run when no loop ran. `None` when
    /// it was shorter than [`MODULE_SHOWN_FROM`]. The recording has no events of its own for it
    /// (module code is no task), so it is read from when the loop started.
    pub fn module_stretch(&self) -> Option<(Micros, Micros)> {
        let end = self.loop_from.unwrap_or(self.span());
        (end >= MODULE_SHOWN_FROM).then_some((0, end))
    }

    /// Whether something recorded outside any task at `t` happened before the loop ran (module
    /// code), rather than in a callback the loop ran.
    pub fn before_loop(&self, task: TaskId, t: Micros) -> bool {
        task == TaskId::OUTSIDE && self.loop_from.is_none_or(|from| t < from)
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

    /// The tasks waiting for their turn as turn `turn` began, in the order the loop ran them.
    pub fn ready_at(&self, turn: usize) -> &[TaskId] {
        self.turns.get(turn).map_or(&[], |t| {
            let (start, len) = (t.ready.0 as usize, t.ready.1 as usize);
            self.ready_log.get(start..start + len).unwrap_or(&[])
        })
    }

    /// The steps turn `turn` ran.
    pub fn steps_of_turn(&self, turn: usize) -> &[Step] {
        let Some(t) = self.turns.get(turn) else { return &[] };
        let end = self.turns.get(turn + 1).map_or(self.steps.len(), |next| next.first_step);
        self.steps.get(t.first_step..end).unwrap_or(&[])
    }

    /// The late record behind a late segment (the one whose wake is `event`).
    pub fn late_of(&self, event: usize) -> Option<&Late> {
        let i = self.late.partition_point(|l| l.event < event);
        self.late.get(i).filter(|l| l.event == event)
    }
}

/// Task time inside a late timer's window, and who ran longest in it.
#[derive(Default)]
struct Tally {
    held: Micros,
    polls: u32,
    biggest: Option<(TaskId, Micros)>,
}

impl Tally {
    fn holder(&mut self, task: TaskId, overlap: Micros) {
        if overlap > 0 && self.biggest.is_none_or(|(_, b)| overlap > b) {
            self.biggest = Some((task, overlap));
        }
    }

    fn step(&mut self, s: &Step, overlap: Micros) {
        if overlap > 0 {
            self.held += overlap;
            self.polls += 1;
            self.holder(s.task, overlap);
        }
    }
}

/// Appends a (time, value) change, merging changes at the same instant.
fn push_change(series: &mut Vec<(Micros, u32)>, t: Micros, value: u32) {
    match series.last_mut() {
        Some(last) if last.0 == t => last.1 = value,
        _ => series.push((t, value)),
    }
}

/// One more or one less in the series named `what` (made on first use, with its limit).
fn change(list: &mut Vec<Series>, limits: &[(Text, u32)], what: Text, t: Micros, event: usize, delta: i32) {
    let i = match list.iter().position(|s| s.what == what) {
        Some(i) => i,
        None => {
            let limit = limits.iter().find(|(w, _)| *w == what).map_or(0, |&(_, l)| l);
            list.push(Series { what, limit, points: Vec::new(), peak: 0 });
            list.len() - 1
        }
    };
    let series = &mut list[i];
    let value = series.points.last().map_or(0, |p| p.value).saturating_add_signed(delta);
    series.points.push(Point { time: t, event, value });
    series.peak = series.peak.max(value);
}

fn close(lane: &mut Lane, t: Micros, event: usize) {
    if let Some(seg) = lane.segments.last_mut() {
        if seg.end.is_none() {
            seg.end = Some(t.max(seg.start));
            seg.end_event = Some(event);
        }
    }
}

fn open(lane: &mut Lane, t: Micros, state: State, event: usize) {
    lane.segments.push(Segment { start: t, end: None, state, start_event: event, end_event: None });
}
