//! What the runtime records: a flat, append-only list of small events (tokio-console's
//! "record, then interpret" split). Nothing here knows about states or drawing; the model
//! derives those. An event's sequence number is its index in the log, because
//! `performance.now()` is coarsened to 100 µs and cannot order two polls by itself.

/// Microseconds since the run started (virtual or `performance.now()`-based).
pub type Micros = u64;

/// Index of a task in its run, in spawn order (0 is the first task `asyncio.run` starts).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TaskId(pub u32);

impl TaskId {
    /// Code running outside any task: a script's module level and `asyncio.run` itself, which
    /// drive the loop from outside as CPython's main thread does.
    pub const OUTSIDE: TaskId = TaskId(u32::MAX);
}

/// Index into the recorder's string table (names, printed lines, messages, URLs).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Text(pub u32);

/// What a task is waiting on when its poll returns `Pending`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Wait {
    /// `sleep(secs)`: due at `due`, asked for `secs`.
    Timer {
        due: Micros,
        dur: Micros,
        /// Asked for as a whole number (Python's `sleep(4)`, an int): shown as written, not as
        /// `sleep(4.0)`.
        whole: bool,
    },
    /// `sleep(0)`: gives the loop one turn and comes straight back.
    Yield,
    Fetch {
        url: Text,
    },
    QueueGet {
        queue: Text,
    },
    QueuePut {
        queue: Text,
    },
    /// `queue.join()`: until every item put has been marked done.
    QueueJoin {
        queue: Text,
    },
    Semaphore {
        name: Text,
    },
    Lock {
        name: Text,
    },
    Event {
        name: Text,
    },
    /// Awaiting one other task's result.
    Join {
        task: TaskId,
    },
    /// Awaiting several tasks at once (`gather`, `wait`, `as_completed`); `pending` are left.
    Many {
        what: Text,
        pending: u32,
    },
    Worker {
        job: Text,
    },
    /// A plain future (`loop.create_future()`), set by whoever holds it.
    Future,
    /// A future from outside the toolbox that did not say.
    Unknown,
}

/// Why a waiting task became ready.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum WakeCause {
    /// Its timer fired: `due` is when it should have, the event's time when it did.
    Timer { due: Micros },
    /// Another task's poll woke it (a queue put, a released permit, a finished task…).
    Task(TaskId),
    /// Something outside the loop: a fetch answered, a worker replied, the Stop button.
    Outside,
}

/// Who ended a task early.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CancelledBy {
    /// `task.cancel()` called by this task.
    Task(TaskId),
    /// This task's `wait_for` ran out of time.
    Timeout(TaskId),
    /// The Stop button (or the page leaving the demo).
    Stop,
    /// `asyncio.run` returning: it cancels every task still pending.
    RunEnd,
    /// Nobody called `cancel()` on it: a `CancelledError` reached it from what it awaited (a
    /// cancelled task or future) and it did not catch it.
    Propagated,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum EventKind {
    Spawn {
        parent: Option<TaskId>,
        name: Text,
    },
    PollStart,
    /// `wait` is `None` when the poll finished the task (a `Done`/`Failed` follows).
    PollEnd {
        wait: Option<Wait>,
    },
    /// The source line a Python task is suspended at (recorded just before its `PollEnd`).
    Line {
        line: u32,
    },
    Wake {
        cause: WakeCause,
    },
    Done {
        value: Text,
    },
    Failed {
        error: Text,
    },
    /// `task.cancel()` was called; the task ends at its current await point on its next turn.
    CancelRequested {
        by: CancelledBy,
    },
    Cancelled {
        by: CancelledBy,
    },
    Print {
        text: Text,
    },
    /// A blocking call held the thread from this event's time for `dur`.
    Blocking {
        dur: Micros,
        call: BlockingCall,
    },
    /// A coroutine was created and dropped without ever being awaited or scheduled.
    NeverAwaited {
        name: Text,
    },
    /// Someone took this task's result or exception (awaited it, or gather collected it).
    Retrieved {
        task: TaskId,
    },
    /// `gather(..., return_exceptions=True)` handed this task's exception back as a value.
    Swallowed {
        task: TaskId,
    },
    /// One of the things this task waits on at once (`Wait::Many`: a gather, `wait`, a
    /// TaskGroup) finished: `left` are still pending. The task is not woken, so without this
    /// its wait would read as it stood when it began. Recorded only for the counts
    /// [`countdown_shown`] keeps.
    Left {
        left: u32,
    },
    /// A permit or lock (named) was taken or given back.
    Acquired {
        what: Text,
    },
    Released {
        what: Text,
    },
    /// A semaphore, lock or queue was made with room for `limit` holders or items (0: no
    /// limit), so the timeline can draw its lane on a 0–`limit` scale.
    Limit {
        what: Text,
        limit: u32,
    },
    /// An item went into the queue `queue` (its size-over-time lane).
    Enqueued {
        queue: Text,
    },
    /// An item came out of the queue `queue`.
    Dequeued {
        queue: Text,
    },
    /// A loop iteration began (asyncio's `_run_once`): it runs the `handles` (task steps and
    /// callbacks) that were ready at this moment, no more. The turns axis has one column per
    /// `Turn`.
    Turn {
        handles: u32,
    },
    /// Every task was waiting and nothing could wake one: asyncio would hang here forever.
    Stuck,
    /// The run is over: every task is done, failed or cancelled.
    RunEnd,
}

/// What held the thread in a [`EventKind::Blocking`] event, as the summaries name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockingCall {
    /// `time.sleep` (and the Rust demos' blocking sleep).
    Sleep,
    /// A blocking HTTP client's request (`requests.get`, the sync `anthropic.Anthropic`).
    Request,
}

impl BlockingCall {
    /// How a summary names it: "time.sleep: 1.95 s of it".
    pub fn name(self) -> &'static str {
        match self {
            BlockingCall::Sleep => "time.sleep",
            BlockingCall::Request => "a blocking request",
        }
    }
}

/// One recorded happening. `task` is the task it is about (for `Wake`, the woken one).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Event {
    pub time: Micros,
    pub task: TaskId,
    pub kind: EventKind,
}

/// Whether a wait on many things records its countdown at `left`: every count under 100, then
/// two significant digits (…, 1100, 1000, 990, …, 100). A gather of 100k children records
/// 371 counts instead of 100k (4 MB of the recorder's 40), and its lane still counts down in
/// steps no wider than a hundredth of what is left, which is more than a lane's label or tip
/// can tell apart; each count shown is exact from where it is drawn.
pub fn countdown_shown(left: u32) -> bool {
    let mut unit = 1;
    while left / unit >= 100 {
        unit *= 10;
    }
    left.is_multiple_of(unit)
}
