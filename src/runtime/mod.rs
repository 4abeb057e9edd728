//! Layer 1 of 4 (**runtime** → trace → model → view): the event loop the demos run on.
//!
//! A small executor shaped like asyncio's loop (`BaseEventLoop._run_once`): a FIFO of ready
//! tasks, a heap of timers, and iterations that first move due timers to the ready queue and
//! then run exactly the tasks that were ready when the iteration began. We write our own
//! instead of using `wasm_bindgen_futures::spawn_local` because instrumentation needs it:
//! every poll, wait and wake is recorded; the same loop runs on a deterministic virtual clock
//! (native tests, step mode) and on the browser's event loop; and a run can be stopped or
//! stepped one task resume at a time.
//!
//! In the browser each iteration is its own macrotask (posted through a `MessageChannel`, which,
//! unlike nested `setTimeout(0)`, is not clamped to 4 ms), so the page can paint between
//! iterations just as other work can run between asyncio's. Timers use one real `setTimeout`
//! (gloo-timers) for the earliest deadline.

#[cfg(target_arch = "wasm32")]
mod browser;
mod context;
mod timers;
mod waker;

use std::cell::{Cell, Ref, RefCell};
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::task::{Context, Poll, Waker};

#[cfg(target_arch = "wasm32")]
pub use browser::now_ms;
pub use context::{current, note_wait};
pub use timers::TimerKey;

use crate::trace::{CancelledBy, EventKind, Micros, Recorder, TaskId, Wait, WakeCause};

/// How a task's future ended, as the executor records it.
pub enum Completion {
    /// The result's Python-style repr.
    Done(String),
    /// The exception's repr, e.g. `ValueError('bad input')`.
    Failed(String),
}

/// How a task ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    Done,
    Failed,
    Cancelled,
}

/// Where a run stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Running,
    /// The main task ended (done or failed) and the leftovers were cancelled, as `asyncio.run` does.
    Finished,
    /// Stopped by the user; every task was cancelled.
    Stopped,
    /// Every task was waiting and nothing could wake one (asyncio would hang here forever).
    Stuck,
}

pub type TaskFuture = Pin<Box<dyn Future<Output = Completion>>>;

/// Someone to tell when a task ends.
enum Joiner {
    Waker(Waker),
    Callback(Box<dyn FnOnce(End)>),
}

struct Slot {
    future: Option<TaskFuture>,
    waker: Waker,
    queued: bool,
    cancel: Option<CancelledBy>,
    end: Option<End>,
    joiners: Vec<Joiner>,
}

enum Clock {
    Virtual(Cell<Micros>),
    /// Time 0 is when the main task is started (`asyncio.run`), not when the run was made.
    #[cfg(target_arch = "wasm32")]
    Browser {
        origin_ms: Cell<f64>,
    },
}

enum Host {
    /// Driven by whoever owns the run: `run_until_end` or `step` (virtual clock).
    Manual,
    #[cfg(target_arch = "wasm32")]
    Browser(browser::Driver),
}

pub struct Shared {
    id: u32,
    clock: Clock,
    host: Host,
    trace: RefCell<Recorder>,
    tasks: RefCell<Vec<Slot>>,
    ready: RefCell<VecDeque<TaskId>>,
    timers: RefCell<timers::Timers>,
    /// Tasks still to poll in the current iteration (asyncio's `ntodo`).
    left_in_iteration: Cell<usize>,
    /// The clock as the last poll of this iteration ended; `None` while a poll runs and
    /// outside iterations.
    between_polls: Cell<Option<Micros>>,
    /// The most recent clock reading (see `record_spawn`).
    last_reading: Cell<Micros>,
    main: Cell<Option<TaskId>>,
    main_ended: Cell<bool>,
    phase: Cell<Phase>,
    /// Requests and worker jobs in flight: things outside the loop that may still wake a task.
    outside: Cell<u32>,
    on_end: RefCell<Vec<Box<dyn FnOnce()>>>,
}

impl Drop for Shared {
    fn drop(&mut self) {
        waker::unregister(self.id);
    }
}

/// One run of a demo: its loop, its tasks and its recording. Cheap to clone (shared handle).
#[derive(Clone)]
pub struct Runtime(Rc<Shared>);

/// A handle that does not keep the run alive (held by timers, requests and guards).
#[derive(Clone)]
pub struct WeakRuntime(Weak<Shared>);

impl WeakRuntime {
    pub fn upgrade(&self) -> Option<Runtime> {
        self.0.upgrade().map(Runtime)
    }
}

impl Runtime {
    /// A run on the deterministic virtual clock: time jumps straight to the next timer.
    pub fn new_virtual() -> Self {
        Self::new(Clock::Virtual(Cell::new(0)), |_| Host::Manual, Recorder::default())
    }

    /// Like [`Runtime::new_virtual`], with a recorder of a chosen size.
    pub fn new_virtual_with(recorder: Recorder) -> Self {
        Self::new(Clock::Virtual(Cell::new(0)), |_| Host::Manual, recorder)
    }

    /// A run on the browser's own event loop: real timers, real time.
    #[cfg(target_arch = "wasm32")]
    pub fn new_browser(recorder: Recorder) -> Self {
        Self::new(
            Clock::Browser { origin_ms: Cell::new(browser::now_ms()) },
            |weak| Host::Browser(browser::Driver::new(weak)),
            recorder,
        )
    }

    fn new(clock: Clock, host: impl FnOnce(Weak<Shared>) -> Host, trace: Recorder) -> Self {
        Runtime(Rc::new_cyclic(|weak: &Weak<Shared>| Shared {
            id: waker::register(weak.clone()),
            clock,
            host: host(weak.clone()),
            trace: RefCell::new(trace),
            tasks: RefCell::new(Vec::new()),
            ready: RefCell::new(VecDeque::new()),
            timers: RefCell::new(timers::Timers::default()),
            left_in_iteration: Cell::new(0),
            between_polls: Cell::new(None),
            last_reading: Cell::new(0),
            main: Cell::new(None),
            main_ended: Cell::new(false),
            phase: Cell::new(Phase::Running),
            outside: Cell::new(0),
            on_end: RefCell::new(Vec::new()),
        }))
    }

    pub fn downgrade(&self) -> WeakRuntime {
        WeakRuntime(Rc::downgrade(&self.0))
    }

    pub fn is_virtual(&self) -> bool {
        matches!(self.0.clock, Clock::Virtual(_))
    }

    /// Time since the run began.
    pub fn now(&self) -> Micros {
        let now = match &self.0.clock {
            Clock::Virtual(t) => t.get(),
            #[cfg(target_arch = "wasm32")]
            Clock::Browser { origin_ms, .. } => ((browser::now_ms() - origin_ms.get()) * 1000.0).max(0.0) as Micros,
        };
        self.0.last_reading.set(now);
        now
    }

    pub fn phase(&self) -> Phase {
        self.0.phase.get()
    }

    pub fn trace(&self) -> Ref<'_, Recorder> {
        self.0.trace.borrow()
    }

    /// Records an event about `task` at the current time.
    pub fn record(&self, task: TaskId, kind: EventKind) {
        let mut trace = self.0.trace.borrow_mut();
        // Reading the clock costs a call out to JavaScript: skip it for an event not kept, and
        // between two polls reuse the reading taken as the last one ended (only the loop's own
        // bookkeeping ran since).
        let now = match self.0.between_polls.get() {
            _ if trace.is_full() => 0,
            Some(t) => t,
            None => self.now(),
        };
        trace.record(now, task, kind);
    }

    /// False once the recorder is full (or was made with no room): callers may skip work
    /// whose only use is a recorded event.
    pub fn is_recording(&self) -> bool {
        !self.0.trace.borrow().is_full()
    }

    /// Stores a text in the recording (for events that carry one).
    pub fn text(&self, s: &str) -> crate::trace::Text {
        self.0.trace.borrow_mut().text(s)
    }

    /// Calls `f` once the run has ended (finished, stopped or stuck).
    pub fn on_end(&self, f: impl FnOnce() + 'static) {
        if self.phase() == Phase::Running {
            self.0.on_end.borrow_mut().push(Box::new(f));
        } else {
            f();
        }
    }

    // ----- tasks -------------------------------------------------------------------------

    /// Starts the run's main task (what `asyncio.run(main())` is given).
    pub fn spawn_main(&self, name: &str, fut: TaskFuture) -> TaskId {
        #[cfg(target_arch = "wasm32")]
        if let Clock::Browser { origin_ms } = &self.0.clock {
            origin_ms.set(browser::now_ms());
            self.0.last_reading.set(0);
        }
        let id = self.spawn(None, name, fut);
        self.0.main.set(Some(id));
        id
    }

    /// Schedules a new task; like `loop.create_task`, it first runs on the next iteration.
    pub fn spawn(&self, parent: Option<TaskId>, name: &str, fut: TaskFuture) -> TaskId {
        let id = TaskId(self.0.tasks.borrow().len() as u32);
        let name = self.text(name);
        // A task made inside a poll is stamped with the clock as last read (at the latest, when
        // that poll began) instead of a fresh reading: spawning ten thousand tasks would
        // otherwise spend most of its time asking JavaScript for the time.
        let time = self.0.between_polls.get().unwrap_or(self.0.last_reading.get());
        self.0.trace.borrow_mut().record(time, id, EventKind::Spawn { parent, name });
        self.0.tasks.borrow_mut().push(Slot {
            future: Some(fut),
            waker: waker::task_waker(self.0.id, id),
            queued: false,
            cancel: None,
            end: None,
            joiners: Vec::new(),
        });
        if self.phase() == Phase::Running {
            self.enqueue(id);
        } else {
            // A task made after the run ended (say, by a destructor while stopping) never runs.
            let by = if self.phase() == Phase::Stopped { CancelledBy::Stop } else { CancelledBy::RunEnd };
            self.finish(id, End::Cancelled, EventKind::Cancelled { by });
        }
        id
    }

    /// How the task ended, or `None` while it is pending.
    pub fn task_end(&self, id: TaskId) -> Option<End> {
        self.0.tasks.borrow().get(id.0 as usize).and_then(|s| s.end)
    }

    /// Wakes `waker` when the task ends (at once if it already has).
    pub fn wake_when_ended(&self, id: TaskId, waker: &Waker) {
        let mut tasks = self.0.tasks.borrow_mut();
        match tasks.get_mut(id.0 as usize) {
            Some(slot) if slot.end.is_none() => {
                let known = slot.joiners.iter().any(|j| matches!(j, Joiner::Waker(w) if w.will_wake(waker)));
                if !known {
                    slot.joiners.push(Joiner::Waker(waker.clone()));
                }
            }
            _ => {
                drop(tasks);
                waker.wake_by_ref();
            }
        }
    }

    /// Calls `f` with how the task ended, when it ends (at once if it already has), like an
    /// asyncio done-callback. `gather`, `wait` and `as_completed` use it to learn the order in
    /// which their tasks finish without scanning them all on every wake.
    pub fn when_ended(&self, id: TaskId, f: impl FnOnce(End) + 'static) {
        let ended = {
            let mut tasks = self.0.tasks.borrow_mut();
            match tasks.get_mut(id.0 as usize) {
                Some(slot) if slot.end.is_none() => {
                    slot.joiners.push(Joiner::Callback(Box::new(f)));
                    return;
                }
                Some(slot) => slot.end.unwrap_or(End::Cancelled),
                None => End::Cancelled,
            }
        };
        f(ended);
    }

    /// `task.cancel()`: the task ends at its current await point on its next turn. Returns
    /// false if it had already ended.
    pub fn cancel(&self, id: TaskId, by: CancelledBy) -> bool {
        if self.phase() != Phase::Running {
            return false;
        }
        {
            let mut tasks = self.0.tasks.borrow_mut();
            let Some(slot) = tasks.get_mut(id.0 as usize) else {
                return false;
            };
            if slot.end.is_some() {
                return false;
            }
            if slot.cancel.is_some() {
                return true;
            }
            slot.cancel = Some(by);
        }
        self.record(id, EventKind::CancelRequested { by });
        self.wake(id);
        true
    }

    /// Tasks that have not ended yet.
    pub fn live_tasks(&self) -> usize {
        self.0.tasks.borrow().iter().filter(|s| s.end.is_none()).count()
    }

    pub fn task_count(&self) -> usize {
        self.0.tasks.borrow().len()
    }

    // ----- timers ------------------------------------------------------------------------

    pub fn add_timer(&self, due: Micros, waker: &Waker) -> TimerKey {
        let key = self.0.timers.borrow_mut().add(due, waker.clone());
        self.host_changed();
        key
    }

    pub fn timer_pending(&self, key: TimerKey) -> bool {
        self.0.timers.borrow().is_pending(key)
    }

    pub fn update_timer_waker(&self, key: TimerKey, waker: &Waker) {
        self.0.timers.borrow_mut().update_waker(key, waker);
    }

    /// Clears a timer that has not fired (a cancelled sleep).
    pub fn cancel_timer(&self, key: TimerKey) {
        self.0.timers.borrow_mut().cancel(key);
        self.host_changed();
    }

    /// When the next timer is due (step mode draws waits up to it).
    pub fn next_timer_due(&self) -> Option<Micros> {
        self.0.timers.borrow_mut().next_due()
    }

    /// Timers registered and neither fired nor cleared.
    pub fn pending_timers(&self) -> usize {
        self.0.timers.borrow().pending()
    }

    // ----- things outside the loop -------------------------------------------------------

    /// Counts a request or worker job in flight, until the returned guard drops. While any are
    /// out, an idle loop is waiting, not stuck.
    pub fn outside_work(&self) -> OutsideGuard {
        self.0.outside.set(self.0.outside.get() + 1);
        OutsideGuard(self.downgrade())
    }

    /// Holds the thread for `dur` without yielding: the `time.sleep()` mistake. On the virtual
    /// clock, time jumps by `dur`; in the browser, this really spins for that long.
    pub fn block_for(&self, task: TaskId, dur: Micros) {
        self.record(task, EventKind::Blocking { dur });
        match &self.0.clock {
            Clock::Virtual(t) => t.set(t.get() + dur),
            #[cfg(target_arch = "wasm32")]
            Clock::Browser { .. } => {
                let until = self.now() + dur;
                while self.now() < until {
                    std::hint::spin_loop();
                }
            }
        }
    }

    // ----- driving the loop --------------------------------------------------------------

    /// Puts a waiting task back on the ready queue (what a waker does).
    pub(crate) fn wake(&self, id: TaskId) {
        if self.phase() != Phase::Running {
            return;
        }
        {
            let mut tasks = self.0.tasks.borrow_mut();
            match tasks.get_mut(id.0 as usize) {
                Some(slot) if slot.end.is_none() && !slot.queued => slot.queued = true,
                _ => return,
            }
        }
        let cause = context::wake_cause();
        // A task waking itself (`sleep(0)`) is ready the moment its poll ends: the model reads
        // that from the poll's end, so it is not recorded twice.
        if cause != WakeCause::Task(id) {
            self.record(id, EventKind::Wake { cause });
        }
        self.0.ready.borrow_mut().push_back(id);
        self.host_changed();
    }

    fn enqueue(&self, id: TaskId) {
        if let Some(slot) = self.0.tasks.borrow_mut().get_mut(id.0 as usize) {
            slot.queued = true;
        }
        self.0.ready.borrow_mut().push_back(id);
        self.host_changed();
    }

    /// Starts an iteration: due timers wake their tasks, then the ready queue's length is
    /// what this iteration will run.
    fn begin_iteration(&self) {
        let now = self.now();
        let due = self.0.timers.borrow_mut().take_due(now);
        for d in due {
            context::waking_because(WakeCause::Timer { due: d.due }, || d.waker.wake());
        }
        self.0.left_in_iteration.set(self.0.ready.borrow().len());
    }

    /// Polls the next task of the current iteration. Returns false when the iteration is over.
    fn poll_next(&self) -> bool {
        let left = self.0.left_in_iteration.get();
        if left == 0 || self.phase() != Phase::Running {
            return false;
        }
        self.0.left_in_iteration.set(left - 1);
        let next = self.0.ready.borrow_mut().pop_front();
        if let Some(id) = next {
            self.poll_task(id);
        }
        true
    }

    fn end_iteration(&self) {
        self.0.between_polls.set(None);
        if self.0.main_ended.get() && self.phase() == Phase::Running {
            self.end_run(Phase::Finished, CancelledBy::RunEnd);
        }
    }

    /// One full iteration of the loop.
    fn run_once(&self) {
        self.begin_iteration();
        while self.poll_next() {}
        self.end_iteration();
    }

    fn poll_task(&self, id: TaskId) {
        let (future, cancel, waker) = {
            let mut tasks = self.0.tasks.borrow_mut();
            let Some(slot) = tasks.get_mut(id.0 as usize) else {
                return;
            };
            slot.queued = false;
            (slot.future.take(), slot.cancel, slot.waker.clone())
        };
        let Some(mut future) = future else { return };
        if let Some(by) = cancel {
            // Drop = cancel: the future's destructors run at its await point, clearing its
            // timer, aborting its request, giving back its permit. They run as the task, so a
            // cleanup guard can still print (Python's `finally:`).
            self.drop_as(id, future);
            self.finish(id, End::Cancelled, EventKind::Cancelled { by });
            return;
        }
        let _entered = context::enter(self, id);
        self.record(id, EventKind::PollStart);
        self.0.between_polls.set(None);
        let polled = future.as_mut().poll(&mut Context::from_waker(&waker));
        self.0.between_polls.set(Some(self.now()));
        match polled {
            Poll::Pending => {
                let wait = context::take_wait().unwrap_or(Wait::Unknown);
                self.record(id, EventKind::PollEnd { wait: Some(wait) });
                let mut tasks = self.0.tasks.borrow_mut();
                match tasks.get_mut(id.0 as usize) {
                    Some(slot) if slot.end.is_none() => slot.future = Some(future),
                    // The run ended during this poll: the future is dropped below, outside
                    // the borrow.
                    _ => {
                        drop(tasks);
                        drop(future);
                    }
                }
            }
            Poll::Ready(completion) => {
                self.record(id, EventKind::PollEnd { wait: None });
                drop(future);
                match completion {
                    Completion::Done(repr) => {
                        let value = self.text(&repr);
                        self.finish(id, End::Done, EventKind::Done { value });
                    }
                    Completion::Failed(repr) => {
                        let error = self.text(&repr);
                        self.finish(id, End::Failed, EventKind::Failed { error });
                    }
                }
            }
        }
    }

    /// Drops a task's future as that task (its destructors may use the toolbox).
    fn drop_as(&self, id: TaskId, future: TaskFuture) {
        let _entered = context::enter(self, id);
        drop(future);
    }

    fn finish(&self, id: TaskId, end: End, event: EventKind) {
        self.record(id, event);
        let (joiners, future) = {
            let mut tasks = self.0.tasks.borrow_mut();
            let Some(slot) = tasks.get_mut(id.0 as usize) else {
                return;
            };
            slot.end = Some(end);
            (std::mem::take(&mut slot.joiners), slot.future.take())
        };
        // A future still here (a task made after the run ended) is dropped outside the borrow:
        // its destructors may ask the run about other tasks.
        if let Some(future) = future {
            self.drop_as(id, future);
        }
        context::waking_because(WakeCause::Task(id), || {
            for joiner in joiners {
                match joiner {
                    Joiner::Waker(w) => w.wake(),
                    Joiner::Callback(f) => f(end),
                }
            }
        });
        if self.0.main.get() == Some(id) {
            self.0.main_ended.set(true);
        }
    }

    /// Ends the run: cancels every task still pending (`by`), clears timers, tells listeners.
    fn end_run(&self, phase: Phase, by: CancelledBy) {
        if phase == Phase::Stuck {
            let main = self.0.main.get().unwrap_or(TaskId(0));
            self.record(main, EventKind::Stuck);
        }
        // From here on wakes are ignored and new tasks end at once.
        self.0.phase.set(phase);
        self.0.ready.borrow_mut().clear();
        self.0.left_in_iteration.set(0);
        let mut i = 0;
        while i < self.0.tasks.borrow().len() {
            let pending = {
                let mut tasks = self.0.tasks.borrow_mut();
                let slot = &mut tasks[i];
                // A task already asked to cancel ends as asked, not as a leftover.
                slot.end.is_none().then(|| (slot.future.take(), slot.cancel.unwrap_or(by)))
            };
            if let Some((future, by)) = pending {
                // Dropped outside the borrow: destructors call back into the run.
                if let Some(future) = future {
                    self.drop_as(TaskId(i as u32), future);
                }
                self.finish(TaskId(i as u32), End::Cancelled, EventKind::Cancelled { by });
            }
            i += 1;
        }
        self.0.timers.borrow_mut().clear();
        self.record(TaskId(0), EventKind::RunEnd);
        self.host_changed();
        let listeners = std::mem::take(&mut *self.0.on_end.borrow_mut());
        listeners.into_iter().for_each(|f| f());
    }

    /// The Stop button: cancels every task now.
    pub fn stop(&self) {
        if self.phase() == Phase::Running {
            self.end_run(Phase::Stopped, CancelledBy::Stop);
        }
    }

    /// Nothing ready, no timer: is anything outside still able to wake a task?
    #[cfg(target_arch = "wasm32")]
    fn idle_is_stuck(&self) -> bool {
        self.0.ready.borrow().is_empty() && self.0.timers.borrow_mut().next_due().is_none() && self.0.outside.get() == 0
    }

    // ----- virtual clock -----------------------------------------------------------------

    /// Runs to the end on the virtual clock, jumping time from timer to timer.
    pub fn run_until_end(&self) {
        while self.step_iteration() {}
    }

    /// Runs one iteration on the virtual clock. Returns false once the run has ended.
    fn step_iteration(&self) -> bool {
        if self.phase() != Phase::Running {
            return false;
        }
        if !self.advance_virtual_clock() {
            return false;
        }
        self.run_once();
        self.phase() == Phase::Running
    }

    /// Step mode: polls exactly one task (moving the clock first if nothing is ready). Returns
    /// false once the run has ended.
    pub fn step(&self) -> bool {
        if self.phase() != Phase::Running {
            return false;
        }
        if self.0.left_in_iteration.get() == 0 {
            if !self.advance_virtual_clock() {
                return false;
            }
            self.begin_iteration();
        }
        self.poll_next();
        if self.0.left_in_iteration.get() == 0 {
            self.end_iteration();
        }
        self.phase() == Phase::Running
    }

    /// With nothing ready, moves virtual time to the next timer. Ends the run as stuck if
    /// nothing can ever wake a task again.
    fn advance_virtual_clock(&self) -> bool {
        #[allow(irrefutable_let_patterns)] // natively the virtual clock is the only clock
        let Clock::Virtual(t) = &self.0.clock
        else {
            return true;
        };
        if !self.0.ready.borrow().is_empty() {
            return true;
        }
        let next = self.0.timers.borrow_mut().next_due();
        match next {
            Some(due) => {
                t.set(t.get().max(due));
                true
            }
            None if self.0.outside.get() > 0 => true,
            None => {
                self.end_run(Phase::Stuck, CancelledBy::RunEnd);
                false
            }
        }
    }

    fn host_changed(&self) {
        match &self.0.host {
            Host::Manual => {}
            #[cfg(target_arch = "wasm32")]
            Host::Browser(driver) => driver.request(self),
        }
    }
}

/// Runs still held in memory, with their pending tasks and timers summed: what Stop and
/// leaving a demo must bring back to zero (exposed to tests).
pub fn leftovers() -> (usize, usize, usize) {
    let runs: Vec<Runtime> = waker::live().into_iter().map(Runtime).collect();
    (runs.len(), runs.iter().map(Runtime::live_tasks).sum(), runs.iter().map(Runtime::pending_timers).sum())
}

/// Keeps the loop from calling itself stuck while a request or worker job is in flight.
pub struct OutsideGuard(WeakRuntime);

impl Drop for OutsideGuard {
    fn drop(&mut self) {
        if let Some(rt) = self.0.upgrade() {
            rt.0.outside.set(rt.0.outside.get().saturating_sub(1));
            rt.host_changed();
        }
    }
}
