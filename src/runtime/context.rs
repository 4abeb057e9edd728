//! Which run and task the thread is polling right now, and the notes a poll leaves for the
//! executor or picks up from it. The toolbox reads these instead of taking a runtime argument, so
//! demo code reads like Python (`sleep(1.0).await`, not `rt.sleep(1.0).await`).
//!
//! Two notes carry asyncio's cancellation protocol across the poll boundary:
//! - the *thrown cancellation*: `Task.__step` throws `CancelledError` into a coroutine that was
//!   asked to cancel while it was not waiting on a future; the first toolbox await polled takes
//!   it and raises it where the task is suspended;
//! - the *future waited on* (`Task._fut_waiter`): what `task.cancel()` cancels first.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::Runtime;
use crate::trace::{TaskId, Wait, WakeCause};

/// Something a task can wait on that `task.cancel()` can cancel (an asyncio future).
pub trait Cancel {
    /// `future.cancel(msg)`: false if it had already finished.
    fn cancel(&self, msg: Option<Rc<str>>) -> bool;
    /// The future itself (a `Fut<T>`), for the waiting task's repr (`wait_for=`).
    fn waited(&self) -> &dyn Any;
}

/// A cancellation thrown into the task being polled: `CancelledError(msg)`.
#[derive(Clone, Debug, PartialEq)]
pub struct Thrown {
    pub msg: Option<Rc<str>>,
}

thread_local! {
    static CURRENT: RefCell<Vec<(Runtime, TaskId)>> = const { RefCell::new(Vec::new()) };
    static WAIT_NOTE: Cell<Option<Wait>> = const { Cell::new(None) };
    static LINE_NOTE: Cell<Option<u32>> = const { Cell::new(None) };
    static WAKE_CAUSE: Cell<Option<WakeCause>> = const { Cell::new(None) };
    static THROWN: RefCell<Option<Thrown>> = const { RefCell::new(None) };
    static FUT_WAITER: RefCell<Option<Rc<dyn Cancel>>> = const { RefCell::new(None) };
    static PAUSED: Cell<Option<Pause>> = const { Cell::new(None) };
    static GOING_ON: Cell<bool> = const { Cell::new(false) };
}

/// Marks `task` of `rt` as the one being polled until the guard drops.
pub(super) fn enter(rt: &Runtime, task: TaskId) -> EnterGuard {
    CURRENT.with(|c| c.borrow_mut().push((rt.clone(), task)));
    WAIT_NOTE.with(|w| w.set(None));
    LINE_NOTE.with(|w| w.set(None));
    FUT_WAITER.with(|w| w.borrow_mut().take());
    PAUSED.with(|p| p.set(None));
    EnterGuard
}

pub(super) struct EnterGuard;

impl Drop for EnterGuard {
    fn drop(&mut self) {
        CURRENT.with(|c| c.borrow_mut().pop());
    }
}

/// The run and task being polled, if any.
pub fn current() -> Option<(Runtime, TaskId)> {
    CURRENT.with(|c| c.borrow().last().cloned())
}

/// Work ran that the run being polled does not see (the Python engine's steps): its next event
/// reads the clock instead of reusing the last reading.
pub fn clock_moved() {
    CURRENT.with(|c| {
        if let Some((rt, _)) = c.borrow().last() {
            rt.clock_moved();
        }
    });
}

/// Can the step being polled pause for the browser ([`pause_step`])? Only where the loop is
/// the browser's: on the virtual clock (native runs, step mode) nothing would go on with it.
pub fn can_pause() -> bool {
    current().is_some_and(|(rt, _)| rt.can_pause())
}

/// A long step (a Python busy loop, a `time.sleep`) says so just before returning `Pending`,
/// with the source line it runs (the innermost: where the work is, which the page lights):
/// it has not ended, only paused so the page can draw and take clicks (Stop). The loop stays
/// held: no other task, callback or timer runs before the runtime polls it again, at once once
/// the browser has had its turn, and the recording shows one step, not two.
pub fn pause_step(pause: Pause) {
    PAUSED.with(|p| p.set(Some(pause)));
}

/// Did the poll pause, and how?
pub(super) fn take_paused() -> Option<Pause> {
    PAUSED.with(|p| p.take())
}

/// A pause of a long step ([`pause_step`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pause {
    /// The source line it runs.
    pub line: Option<u32>,
    /// The step waits meanwhile (a `time.sleep`): the clock runs through the browser's turn,
    /// which is the program's time. Otherwise the clock stands still through it (the turn is
    /// Interleave's, not the program's).
    pub waiting: bool,
}

/// Is this poll the same step going on after a pause (not a new step)?
pub fn going_on() -> bool {
    GOING_ON.with(|g| g.get())
}

pub(super) fn set_going_on(on: bool) {
    GOING_ON.with(|g| g.set(on));
}

/// A leaf future says what it waits on just before returning `Pending`. Combinators that poll
/// several children note after them, so the outermost (the one the task awaits) wins.
pub fn note_wait(wait: Wait) {
    WAIT_NOTE.with(|w| w.set(Some(wait)));
}

pub(super) fn take_wait() -> Option<Wait> {
    WAIT_NOTE.with(|w| w.take())
}

/// The source line the task is at (the Python engine says it as a task suspends), recorded
/// with the wait so the page can light that line.
pub fn note_line(line: u32) {
    LINE_NOTE.with(|w| w.set(Some(line)));
}

pub(super) fn take_line() -> Option<u32> {
    LINE_NOTE.with(|w| w.take())
}

/// A toolbox await about to suspend registers the future it waits on, for `task.cancel()`.
pub fn note_fut_waiter(fut: Rc<dyn Cancel>) {
    FUT_WAITER.with(|w| *w.borrow_mut() = Some(fut));
}

pub(super) fn take_fut_waiter() -> Option<Rc<dyn Cancel>> {
    FUT_WAITER.with(|w| w.borrow_mut().take())
}

pub(super) fn set_thrown(thrown: Option<Thrown>) {
    THROWN.with(|t| *t.borrow_mut() = thrown);
}

/// Takes the cancellation thrown into the current poll, if any: the await that takes it raises
/// `CancelledError` at its suspension point instead of waiting.
pub fn take_thrown() -> Option<Thrown> {
    THROWN.with(|t| t.borrow_mut().take())
}

/// Runs `f` with every wake inside it attributed to `cause`.
pub(super) fn waking_because<R>(cause: WakeCause, f: impl FnOnce() -> R) -> R {
    let before = WAKE_CAUSE.with(|c| c.replace(Some(cause)));
    let r = f();
    WAKE_CAUSE.with(|c| c.set(before));
    r
}

/// Why a wake happening now happens: an explicit cause, else the task being polled, else
/// something outside the loop (a fetch answering, a worker replying).
pub(super) fn wake_cause() -> WakeCause {
    WAKE_CAUSE.with(|c| c.get()).or_else(|| current().map(|(_, t)| WakeCause::Task(t))).unwrap_or(WakeCause::Outside)
}
