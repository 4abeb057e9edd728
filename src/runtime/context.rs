//! Which run and task the thread is polling right now, and the notes a leaf future leaves for
//! the executor. The toolbox reads these instead of taking a runtime argument, so demo code reads
//! like Python (`sleep(1.0).await`, not `rt.sleep(1.0).await`).

use std::cell::{Cell, RefCell};

use super::Runtime;
use crate::trace::{TaskId, Wait, WakeCause};

thread_local! {
    static CURRENT: RefCell<Vec<(Runtime, TaskId)>> = const { RefCell::new(Vec::new()) };
    static WAIT_NOTE: Cell<Option<Wait>> = const { Cell::new(None) };
    static WAKE_CAUSE: Cell<Option<WakeCause>> = const { Cell::new(None) };
}

/// Marks `task` of `rt` as the one being polled until the guard drops.
pub(super) fn enter(rt: &Runtime, task: TaskId) -> EnterGuard {
    CURRENT.with(|c| c.borrow_mut().push((rt.clone(), task)));
    WAIT_NOTE.with(|w| w.set(None));
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

/// A leaf future says what it waits on just before returning `Pending`. Combinators that poll
/// several children note after them, so the outermost (the one the task awaits) wins.
pub fn note_wait(wait: Wait) {
    WAIT_NOTE.with(|w| w.set(Some(wait)));
}

pub(super) fn take_wait() -> Option<Wait> {
    WAIT_NOTE.with(|w| w.take())
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
