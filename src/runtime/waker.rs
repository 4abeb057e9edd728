//! Task wakers without `unsafe`: a waker carries only (run id, task id), both plain numbers, so
//! it is `Send + Sync` as `std::task::Wake` requires; waking looks the run up in a thread-local
//! table of live runs. Everything here runs on one thread (the page's, or a native test's), so
//! the lookup always finds the run that made the waker, or nothing once that run is gone.

use std::cell::RefCell;
use std::rc::Weak;
use std::sync::Arc;
use std::task::{Wake, Waker};

use super::{Runtime, Shared};
use crate::trace::TaskId;

use rustc_hash::FxHashMap;

thread_local! {
    // Fx, not SipHash: every wake looks its run up here, and the keys are our own counters.
    static LIVE_RUNS: RefCell<(u32, FxHashMap<u32, Weak<Shared>>)> = RefCell::new((0, FxHashMap::default()));
}

/// Registers a run and returns its id (never reused while the page lives).
pub(super) fn register(run: Weak<Shared>) -> u32 {
    LIVE_RUNS.with(|r| {
        let (next, map) = &mut *r.borrow_mut();
        *next += 1;
        map.insert(*next, run);
        *next
    })
}

/// Every run still in memory.
pub(super) fn live() -> Vec<std::rc::Rc<Shared>> {
    LIVE_RUNS.with(|r| r.borrow().1.values().filter_map(Weak::upgrade).collect())
}

pub(super) fn unregister(id: u32) {
    // try_with: the table may already be gone while the thread itself shuts down.
    let _ = LIVE_RUNS.try_with(|r| r.borrow_mut().1.remove(&id));
}

struct TaskWaker {
    run: u32,
    task: TaskId,
}

impl Wake for TaskWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        let run = LIVE_RUNS.with(|r| r.borrow().1.get(&self.run).and_then(Weak::upgrade));
        if let Some(shared) = run {
            Runtime(shared).wake(self.task);
        }
    }
}

pub(super) fn task_waker(run: u32, task: TaskId) -> Waker {
    Waker::from(Arc::new(TaskWaker { run, task }))
}
