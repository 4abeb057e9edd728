//! Layer 1 of 4 (**runtime** → trace → model → view): the event loop programs run on.
//!
//! A small executor shaped like asyncio's loop (`BaseEventLoop._run_once`): a FIFO of ready
//! handles (a task's next step, or a `call_soon` callback), a heap of timers, and iterations
//! that first move due timers' callbacks to the ready queue and then run exactly the handles
//! that were ready when the iteration began. We write our own instead of using
//! `wasm_bindgen_futures::spawn_local` because instrumentation needs it: every poll, wait and
//! wake is recorded; the same loop runs on a deterministic virtual clock (native tests, step
//! mode) and on the browser's event loop; and a run can be stopped or stepped one task resume
//! at a time.
//!
//! Tasks follow asyncio's `Task` protocol: `cancel()` first cancels the future the task waits
//! on (`_fut_waiter`); failing that it marks the task, and its next step *throws* the
//! cancellation in at its await (see [`context`]), so `except`/`finally` code runs as in Python.
//!
//! Code outside any task (a script's module level, `asyncio.run` itself) is the run's *driver*:
//! it is polled at the start and again each time the loop stops, exactly as CPython's main thread
//! resumes when `run_until_complete` returns.
//!
//! In the browser each iteration is its own macrotask (posted through a `MessageChannel`, which,
//! unlike nested `setTimeout(0)`, is not clamped to 4 ms), so the page can paint between
//! iterations just as other work can run between asyncio's. Timers use one real `setTimeout`
//! (gloo-timers) for the earliest deadline. A step that holds the loop long (a Python busy
//! loop, `time.sleep`) may pause for the browser mid-way ([`pause_step`]): it is *held*, goes on
//! before anything else in the next macrotask, and records as the one step it is, so the page
//! draws the hold as it grows and Stop works, while no other task, callback or timer runs.

#[cfg(target_arch = "wasm32")]
mod browser;
mod context;
mod speed;
mod timers;
mod waker;

use std::any::Any;
use std::cell::{Cell, Ref, RefCell};
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::task::{Context, Poll, Waker};

#[cfg(target_arch = "wasm32")]
pub use browser::now_ms;
pub use context::{
    can_pause, clock_moved, current, going_on, note_fut_waiter, note_line, note_wait, pause_step, take_thrown, Cancel,
    Pause, Thrown,
};
pub use speed::Speed;
pub use timers::TimerKey;

use crate::trace::{BlockingCall, CancelledBy, EventKind, Micros, Recorder, TaskId, Wait, WakeCause};

/// How a task's future ended, as the executor records it.
pub enum Completion {
    /// The result's Python-style repr.
    Done(String),
    /// The exception's repr, e.g. `ValueError('bad input')`.
    Failed(String),
    /// A `CancelledError` left the coroutine.
    Cancelled,
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
    /// The driver (`asyncio.run` and whatever called it) returned.
    Finished,
    /// Stopped by the user; every task was cancelled.
    Stopped,
    /// Every task was waiting and nothing could wake one (asyncio would hang here forever).
    Stuck,
}

pub type TaskFuture = Pin<Box<dyn Future<Output = Completion>>>;
type DriverFuture = Pin<Box<dyn Future<Output = ()>>>;

/// A step that paused for the browser and has not ended (see [`pause_step`]): the next thing
/// the loop does is go on with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Held {
    Task(TaskId),
    Driver,
}

/// An entry of the ready queue (asyncio's `Handle`).
enum Handle {
    /// A task's next step (`Task.__step`).
    Step(TaskId),
    /// A `call_soon` callback: a future's done-callback, a timer's action.
    Call(Box<dyn FnOnce()>),
}

struct Slot {
    future: Option<TaskFuture>,
    waker: Waker,
    queued: bool,
    started: bool,
    end: Option<End>,
    /// asyncio's `_must_cancel`: throw `CancelledError` in at the next step.
    must_cancel: bool,
    cancel_msg: Option<Rc<str>>,
    /// Who last asked it to cancel (what the `Cancelled` event names).
    cancel_by: Option<CancelledBy>,
    /// asyncio's `cancelling()` count.
    cancels_requested: u32,
    /// The future it is suspended on, if that is one `cancel()` can cancel.
    fut_waiter: Option<Rc<dyn Cancel>>,
    /// The toolbox's handle on the task's result future (for `asyncio.run`'s shutdown, and
    /// for the Python engine's `Task` objects), whatever its result type.
    link: Option<Rc<dyn Any>>,
}

enum Clock {
    Virtual(Cell<Micros>),
    /// Time 0 is when the driver first runs (the program starts), not when the run was made.
    /// The clock goes at `speed` (slow motion): every timer, every hold and every recorded
    /// time is in the program's seconds.
    #[cfg(target_arch = "wasm32")]
    Browser {
        origin_ms: Cell<f64>,
        speed: Speed,
        /// When the held step paused (real ms; NaN while none is paused): the clock stands
        /// still through the browser's turn, which is Interleave's, not the program's time.
        paused_at: Cell<f64>,
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
    ready: RefCell<VecDeque<Handle>>,
    timers: RefCell<timers::Timers>,
    /// Handles still to run in the current iteration (asyncio's `ntodo`).
    left_in_iteration: Cell<usize>,
    /// The most recent clock reading (see `stamp`).
    last_reading: Cell<Micros>,
    /// Work may have run since `last_reading` (see `stamp`).
    clock_moved: Cell<bool>,
    /// The task being polled right now, if any.
    polling: Cell<Option<TaskId>>,
    /// A step paused mid-way so the browser could draw and take clicks: it still holds the
    /// loop, and goes on before anything else runs.
    held: Cell<Option<Held>>,
    /// Code outside the loop (`asyncio.run` and its caller), polled when the loop stops.
    driver: RefCell<Option<DriverFuture>>,
    /// Inside `run_until_complete`: iterations run.
    loop_running: Cell<bool>,
    /// `loop.stop()` was called: the loop stops once the current iteration ends.
    stopping: Cell<bool>,
    /// Virtual clock: iterations in a row that had something ready (see
    /// `advance_virtual_clock`).
    busy_streak: Cell<u32>,
    phase: Cell<Phase>,
    /// When the run ended, on its clock: known even when the recording was full by then (its
    /// `RunEnd` dropped).
    ended_at: Cell<Option<Micros>>,
    /// Requests and worker jobs in flight: things outside the loop that may still wake a task.
    outside: Cell<u32>,
    on_end: RefCell<Vec<Box<dyn FnOnce()>>>,
    exception_handler: RefCell<Option<ExceptionHandler>>,
}

/// `loop.set_exception_handler`: told about errors nobody else will see ("Task exception was
/// never retrieved", exceptions during `asyncio.run`'s shutdown). Gets the message, the task
/// concerned and the exception (the toolbox's, as `&dyn Any`).
pub type ExceptionHandler = Rc<dyn Fn(&str, Option<TaskId>, &dyn Any)>;

impl Drop for Shared {
    fn drop(&mut self) {
        waker::unregister(self.id);
    }
}

/// One run of a program: its loop, its tasks and its recording. Cheap to clone (shared handle).
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

    /// A virtual clock that starts at `start` (a copy of a program joins its loop's time).
    pub fn new_virtual_at(start: Micros) -> Self {
        Self::new(Clock::Virtual(Cell::new(start)), |_| Host::Manual, Recorder::default())
    }

    /// Like [`Runtime::new_virtual`], with a recorder of a chosen size.
    pub fn new_virtual_with(recorder: Recorder) -> Self {
        Self::new(Clock::Virtual(Cell::new(0)), |_| Host::Manual, recorder)
    }

    /// A run on the browser's own event loop: real timers, real time.
    #[cfg(target_arch = "wasm32")]
    pub fn new_browser(recorder: Recorder) -> Self {
        Self::new_browser_at(recorder, Speed::NORMAL)
    }

    /// A run on the browser's own event loop with its clock going at `speed` (slow motion).
    #[cfg(target_arch = "wasm32")]
    pub fn new_browser_at(recorder: Recorder, speed: Speed) -> Self {
        Self::new(
            Clock::Browser { origin_ms: Cell::new(browser::now_ms()), speed, paused_at: Cell::new(f64::NAN) },
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
            last_reading: Cell::new(0),
            clock_moved: Cell::new(true),
            polling: Cell::new(None),
            held: Cell::new(None),
            driver: RefCell::new(None),
            loop_running: Cell::new(false),
            stopping: Cell::new(false),
            busy_streak: Cell::new(0),
            phase: Cell::new(Phase::Running),
            ended_at: Cell::new(None),
            outside: Cell::new(0),
            on_end: RefCell::new(Vec::new()),
            exception_handler: RefCell::new(None),
        }))
    }

    /// Runs `f` as a callback of this loop's, outside any task: what it calls sees the running
    /// loop (`current()` gives this runtime with [`TaskId::OUTSIDE`]), as asyncio's callbacks
    /// do. For the Python engine's callbacks; the toolbox's own run without a context.
    pub fn in_callback<R>(&self, f: impl FnOnce() -> R) -> R {
        let _entered = context::enter(self, TaskId::OUTSIDE);
        f()
    }

    pub fn downgrade(&self) -> WeakRuntime {
        WeakRuntime(Rc::downgrade(&self.0))
    }

    pub fn is_virtual(&self) -> bool {
        matches!(self.0.clock, Clock::Virtual(_))
    }

    /// Does the browser drive this run, so a step can pause and go on ([`pause_step`])?
    pub fn can_pause(&self) -> bool {
        match &self.0.host {
            Host::Manual => false,
            #[cfg(target_arch = "wasm32")]
            Host::Browser(_) => true,
        }
    }

    /// How fast the run's clock goes against real time (the virtual clock has no real time:
    /// normal).
    pub fn speed(&self) -> Speed {
        match &self.0.clock {
            Clock::Virtual(_) => Speed::NORMAL,
            #[cfg(target_arch = "wasm32")]
            Clock::Browser { speed, .. } => *speed,
        }
    }

    /// Time since the run began.
    pub fn now(&self) -> Micros {
        let now = self.peek_now();
        self.0.last_reading.set(now);
        now
    }

    /// The clock now, for the page's drawing only: unlike [`Runtime::now`], not a reading the
    /// run has seen, so a late timer's lateness can still be taken back (see
    /// [`Speed::origin_after_late_timer`]).
    pub fn peek_now(&self) -> Micros {
        match &self.0.clock {
            Clock::Virtual(t) => t.get(),
            #[cfg(target_arch = "wasm32")]
            Clock::Browser { origin_ms, speed, paused_at } => {
                let real = if paused_at.get().is_nan() { browser::now_ms() } else { paused_at.get() };
                speed.program_micros(real - origin_ms.get())
            }
        }
    }

    /// The host timer due at `due` fired. If the loop had nothing else to do, away from 1× the
    /// browser's lateness is taken off the clock ([`Speed::origin_after_late_timer`]).
    #[cfg(target_arch = "wasm32")]
    fn timer_fired(&self, due: Micros) {
        if self.0.held.get().is_some() || !self.0.ready.borrow().is_empty() {
            return;
        }
        if let Clock::Browser { origin_ms, speed, paused_at } = &self.0.clock {
            if paused_at.get().is_nan() {
                let last = self.0.last_reading.get();
                origin_ms.set(speed.origin_after_late_timer(origin_ms.get(), browser::now_ms(), due, last));
                self.clock_moved();
            }
        }
    }

    /// The time to stamp an event with. In the browser, reading the clock is a call out to
    /// JavaScript that costs more than a short poll, and `performance.now()` is coarsened to
    /// 100 µs anyway: the last reading stands for now until work may have moved the clock on
    /// ([`Runtime::clock_moved`]: a browser task ended, the loop ran a few dozen handles, or
    /// the Python engine ran a few hundred steps). A big run reads the clock about once per few polls
    /// instead of several times per poll. The virtual clock is read every time (it is a cell).
    fn stamp(&self) -> Micros {
        match &self.0.clock {
            Clock::Virtual(_) => self.now(),
            #[cfg(target_arch = "wasm32")]
            Clock::Browser { .. } => {
                if self.0.clock_moved.replace(false) {
                    self.now()
                } else {
                    self.0.last_reading.get()
                }
            }
        }
    }

    /// Work ran that the runtime does not see (the Python engine's steps, a Rust twin's
    /// inline count, a browser task between two of the loop's): the next stamp reads the clock.
    pub fn clock_moved(&self) {
        self.0.clock_moved.set(true);
    }

    pub fn phase(&self) -> Phase {
        self.0.phase.get()
    }

    /// When the run ended (stopped, finished or stuck), once it has.
    pub fn ended_at(&self) -> Option<Micros> {
        self.0.ended_at.get()
    }

    pub fn trace(&self) -> Ref<'_, Recorder> {
        self.0.trace.borrow()
    }

    /// Records an event about `task` at the current time.
    pub fn record(&self, task: TaskId, kind: EventKind) {
        // Reading the clock costs a call out to JavaScript: skip it for an event not kept.
        let now = if self.0.trace.borrow().is_full() { 0 } else { self.stamp() };
        self.0.trace.borrow_mut().record(now, task, kind);
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

    /// `loop.set_exception_handler(f)`.
    pub fn set_exception_handler(&self, f: ExceptionHandler) {
        *self.0.exception_handler.borrow_mut() = Some(f);
    }

    /// `loop.call_exception_handler(...)`. Without a handler the report is only recorded as
    /// what it is about (the model's warnings already explain those cases).
    pub fn call_exception_handler(&self, message: &str, task: Option<TaskId>, exception: &dyn Any) {
        let handler = self.0.exception_handler.borrow().clone();
        if let Some(handler) = handler {
            handler(message, task, exception);
        }
    }

    // ----- the driver: code outside the loop ---------------------------------------------

    /// Starts the program: `driver` is the code outside any task (it calls `asyncio.run`). It
    /// runs now, up to its first `run_until_complete`, and resumes each time the loop stops.
    pub fn start(&self, driver: impl Future<Output = ()> + 'static) {
        #[cfg(target_arch = "wasm32")]
        if let Clock::Browser { origin_ms, .. } = &self.0.clock {
            origin_ms.set(browser::now_ms());
            self.0.last_reading.set(0);
        }
        *self.0.driver.borrow_mut() = Some(Box::pin(driver));
        self.poll_driver();
    }

    /// True while `run_until_complete` runs the loop (asyncio's `loop.is_running()`).
    pub fn loop_running(&self) -> bool {
        self.0.loop_running.get()
    }

    /// Called by the driver's `run_until_complete`: iterations run until [`Runtime::stop_loop`].
    pub fn run_loop(&self) {
        self.0.loop_running.set(true);
        self.host_changed();
    }

    /// `loop.stop()`: the loop stops when the current iteration ends, and the driver resumes.
    pub fn stop_loop(&self) {
        self.0.stopping.set(true);
    }

    fn poll_driver(&self) {
        if self.phase() != Phase::Running {
            return;
        }
        let Some(mut driver) = self.0.driver.borrow_mut().take() else { return };
        let (polled, paused) = {
            let _entered = context::enter(self, TaskId::OUTSIDE);
            let polled = driver.as_mut().poll(&mut Context::from_waker(Waker::noop()));
            (polled, context::take_paused())
        };
        match polled {
            Poll::Pending if paused.is_some() && self.phase() == Phase::Running => {
                *self.0.driver.borrow_mut() = Some(driver);
                self.hold(Held::Driver, paused.is_some_and(|p| p.waiting));
                self.host_changed();
            }
            Poll::Ready(()) => {
                drop(driver);
                if self.phase() == Phase::Running {
                    self.end_run(Phase::Finished, CancelledBy::RunEnd);
                }
            }
            Poll::Pending if self.phase() == Phase::Running => {
                *self.0.driver.borrow_mut() = Some(driver);
                if !self.loop_running() {
                    // The driver waits for something only a running loop could bring.
                    self.end_run(Phase::Stuck, CancelledBy::RunEnd);
                }
            }
            Poll::Pending => drop(driver),
        }
    }

    // ----- tasks -------------------------------------------------------------------------

    /// Schedules a new task; like `loop.create_task`, its first step runs on the next iteration.
    pub fn spawn(&self, parent: Option<TaskId>, name: &str, fut: TaskFuture) -> TaskId {
        let id = TaskId(self.0.tasks.borrow().len() as u32);
        let name = self.text(name);
        // A task is stamped with the clock as last read, never a fresh reading: spawning ten
        // thousand tasks in one poll would otherwise spend most of its time asking JavaScript
        // for the time.
        let time = self.0.last_reading.get();
        let parent = parent.filter(|p| *p != TaskId::OUTSIDE);
        self.0.trace.borrow_mut().record(time, id, EventKind::Spawn { parent, name });
        self.0.tasks.borrow_mut().push(Slot {
            future: Some(fut),
            waker: waker::task_waker(self.0.id, id),
            queued: false,
            started: false,
            end: None,
            must_cancel: false,
            cancel_msg: None,
            cancel_by: None,
            cancels_requested: 0,
            fut_waiter: None,
            link: None,
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

    /// `task.cancel(msg)`, as asyncio's `Task.cancel`: cancels the future the task waits on if
    /// it can; otherwise the cancellation is thrown in at the task's next step. Returns false
    /// if the task had already ended.
    pub fn cancel(&self, id: TaskId, by: CancelledBy, msg: Option<Rc<str>>) -> bool {
        if self.phase() != Phase::Running {
            return false;
        }
        let waiter = {
            let mut tasks = self.0.tasks.borrow_mut();
            let Some(slot) = tasks.get_mut(id.0 as usize) else { return false };
            if slot.end.is_some() {
                return false;
            }
            slot.cancels_requested += 1;
            slot.cancel_by = Some(by);
            slot.fut_waiter.clone()
        };
        self.record(id, EventKind::CancelRequested { by });
        if let Some(waiter) = &waiter {
            if waiter.cancel(msg.clone()) {
                return true;
            }
        }
        let idle = {
            let mut tasks = self.0.tasks.borrow_mut();
            let Some(slot) = tasks.get_mut(id.0 as usize) else { return false };
            slot.must_cancel = true;
            slot.cancel_msg = msg;
            !slot.queued && waiter.is_none() && self.0.polling.get() != Some(id)
        };
        // In asyncio such a task is always about to run. Here a task suspended on something
        // that is not a future (no `fut_waiter`) must still get the turn that delivers it.
        if idle {
            self.wake(id);
        }
        true
    }

    /// Attaches the toolbox's handle on a task's result future.
    pub fn set_task_link(&self, id: TaskId, link: Rc<dyn Any>) {
        if let Some(slot) = self.0.tasks.borrow_mut().get_mut(id.0 as usize) {
            slot.link = Some(link);
        }
    }

    /// The toolbox's handle on a task's result future.
    pub fn task_link(&self, id: TaskId) -> Option<Rc<dyn Any>> {
        self.0.tasks.borrow().get(id.0 as usize).and_then(|s| s.link.clone())
    }

    /// The future the task is suspended on (asyncio's `_fut_waiter`), if any.
    pub fn fut_waiter(&self, id: TaskId) -> Option<Rc<dyn Cancel>> {
        self.0.tasks.borrow().get(id.0 as usize).and_then(|s| s.fut_waiter.clone())
    }

    /// `task.cancelling()`: cancellation requests not yet withdrawn by `uncancel()`.
    pub fn cancelling(&self, id: TaskId) -> u32 {
        self.0.tasks.borrow().get(id.0 as usize).map_or(0, |s| s.cancels_requested)
    }

    /// `task.uncancel()`: withdraws one request; returns how many remain.
    pub fn uncancel(&self, id: TaskId) -> u32 {
        let mut tasks = self.0.tasks.borrow_mut();
        let Some(slot) = tasks.get_mut(id.0 as usize) else { return 0 };
        slot.cancels_requested = slot.cancels_requested.saturating_sub(1);
        slot.cancels_requested
    }

    /// The cancellation still owed to the task being polled, taken: a coroutine that returns
    /// normally after `cancel()` was called on its own task during the step ends cancelled
    /// (asyncio's `_must_cancel` checked on `StopIteration`).
    pub fn take_must_cancel(&self, id: TaskId) -> Option<Option<Rc<str>>> {
        let mut tasks = self.0.tasks.borrow_mut();
        let slot = tasks.get_mut(id.0 as usize)?;
        if !slot.must_cancel {
            return None;
        }
        slot.must_cancel = false;
        Some(slot.cancel_msg.take())
    }

    /// Tasks that have not ended yet, in creation order.
    pub fn pending_tasks(&self) -> Vec<TaskId> {
        let tasks = self.0.tasks.borrow();
        (0..tasks.len()).filter(|&i| tasks[i].end.is_none()).map(|i| TaskId(i as u32)).collect()
    }

    /// Tasks that have not ended yet.
    pub fn live_tasks(&self) -> usize {
        self.0.tasks.borrow().iter().filter(|s| s.end.is_none()).count()
    }

    pub fn task_count(&self) -> usize {
        self.0.tasks.borrow().len()
    }

    // ----- callbacks and timers ----------------------------------------------------------

    /// `loop.call_soon(f)`: runs `f` on the next iteration, after what is already ready.
    pub fn call_soon(&self, f: impl FnOnce() + 'static) {
        if self.phase() != Phase::Running {
            return;
        }
        self.0.ready.borrow_mut().push_back(Handle::Call(Box::new(f)));
        self.host_changed();
    }

    /// `loop.call_at(due, f)`: when `due` comes, `f` joins the ready queue like `call_soon`.
    pub fn call_at(&self, due: Micros, f: impl FnOnce() + 'static) -> TimerKey {
        let key = self.0.timers.borrow_mut().add(due, Box::new(f));
        self.host_changed();
        key
    }

    pub fn timer_pending(&self, key: TimerKey) -> bool {
        self.0.timers.borrow().is_pending(key)
    }

    /// `handle.cancel()` for a timer that has not fired.
    pub fn cancel_timer(&self, key: TimerKey) {
        let callback = self.0.timers.borrow_mut().cancel(key);
        drop(callback);
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
    /// clock, time jumps by `dur`; in the browser, this really spins until the run's clock has
    /// gone `dur` on (in slow motion, that much longer in real time).
    pub fn block_for(&self, task: TaskId, dur: Micros, call: BlockingCall) {
        self.record(task, EventKind::Blocking { dur, call });
        match &self.0.clock {
            Clock::Virtual(t) => t.set(t.get().saturating_add(dur)),
            #[cfg(target_arch = "wasm32")]
            Clock::Browser { .. } => {
                let until = self.now().saturating_add(dur);
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
        self.0.ready.borrow_mut().push_back(Handle::Step(id));
        self.host_changed();
    }

    fn enqueue(&self, id: TaskId) {
        if let Some(slot) = self.0.tasks.borrow_mut().get_mut(id.0 as usize) {
            slot.queued = true;
        }
        self.0.ready.borrow_mut().push_back(Handle::Step(id));
        self.host_changed();
    }

    /// Starts an iteration: due timers' callbacks join the ready queue (after what is already
    /// there, as in asyncio), then the queue's length is what this iteration will run.
    fn begin_iteration(&self) {
        // The last reading, unless work may have moved the clock on since (see `stamp`): a
        // timer falls due a few microseconds late at most, as asyncio's own clock resolution
        // allows, and an iteration of one or two handles does not ask JavaScript the time.
        let now = self.stamp();
        let due = self.0.timers.borrow_mut().take_due(now);
        {
            let mut ready = self.0.ready.borrow_mut();
            for d in due {
                let (at, callback) = (d.due, d.callback);
                ready.push_back(Handle::Call(Box::new(move || {
                    context::waking_because(WakeCause::Timer { due: at }, callback)
                })));
            }
        }
        let handles = self.0.ready.borrow().len();
        self.0.left_in_iteration.set(handles);
        // The turns axis has a column per iteration that ran something, stamped with the time
        // just taken (no extra call out to JavaScript).
        if handles > 0 {
            let kind = EventKind::Turn { handles: handles.min(u32::MAX as usize) as u32 };
            self.0.trace.borrow_mut().record(now, TaskId::OUTSIDE, kind);
        }
    }

    /// Runs the next handle of the current iteration. Returns `None` when the iteration is
    /// over, else whether the handle was a task's step.
    fn run_next(&self) -> Option<bool> {
        let left = self.0.left_in_iteration.get();
        if left == 0 || self.phase() != Phase::Running {
            return None;
        }
        self.0.left_in_iteration.set(left - 1);
        let next = self.0.ready.borrow_mut().pop_front();
        match next {
            Some(Handle::Step(id)) => {
                self.poll_task(id, false);
                Some(true)
            }
            Some(Handle::Call(f)) => {
                f();
                Some(false)
            }
            None => Some(false),
        }
    }

    fn end_iteration(&self) {
        if self.0.stopping.replace(false) && self.phase() == Phase::Running {
            self.0.loop_running.set(false);
            self.poll_driver();
        }
    }

    /// One full iteration of the loop.
    fn run_once(&self) {
        self.begin_iteration();
        while self.run_next().is_some() {}
        self.end_iteration();
    }

    /// A step paused: it is held, and unless it is `waiting` the clock stands still until it
    /// goes on.
    #[cfg_attr(not(target_arch = "wasm32"), expect(unused_variables, reason = "only the browser's clock stands still"))]
    fn hold(&self, held: Held, waiting: bool) {
        self.0.held.set(Some(held));
        #[cfg(target_arch = "wasm32")]
        if let (Clock::Browser { paused_at, .. }, false) = (&self.0.clock, waiting) {
            paused_at.set(browser::now_ms());
        }
    }

    /// Goes on with the step that paused, if one did (before anything else runs: it still holds
    /// the loop). Returns false while a step is still held (it paused again) or the run ended.
    #[cfg(target_arch = "wasm32")]
    fn go_on_with_held(&self) -> bool {
        let held = self.0.held.take();
        if held.is_some() {
            // The browser's turn is over: the clock goes on from where it stood.
            if let Clock::Browser { origin_ms, paused_at, .. } = &self.0.clock {
                let paused = paused_at.replace(f64::NAN);
                if !paused.is_nan() {
                    origin_ms.set(origin_ms.get() + browser::now_ms() - paused);
                }
            }
            self.clock_moved();
        }
        match held {
            None => {}
            Some(Held::Task(id)) => {
                self.poll_task(id, true);
                // It was its iteration's last handle: the iteration ends now.
                if self.0.held.get().is_none() && self.0.left_in_iteration.get() == 0 {
                    self.end_iteration();
                }
            }
            Some(Held::Driver) => {
                context::set_going_on(true);
                self.poll_driver();
                context::set_going_on(false);
            }
        }
        self.0.held.get().is_none() && self.phase() == Phase::Running
    }

    /// Polls a task: its next step, or (`going_on`) the step that paused, which goes on as the
    /// same step in the recording.
    fn poll_task(&self, id: TaskId, going_on: bool) {
        let (future, thrown, waker) = {
            let mut tasks = self.0.tasks.borrow_mut();
            let Some(slot) = tasks.get_mut(id.0 as usize) else { return };
            slot.queued = false;
            slot.fut_waiter = None;
            slot.started = true;
            let thrown = slot.must_cancel.then(|| Thrown { msg: slot.cancel_msg.take() });
            slot.must_cancel = false;
            (slot.future.take(), thrown, slot.waker.clone())
        };
        let Some(mut future) = future else { return };
        let _entered = context::enter(self, id);
        context::set_thrown(thrown);
        self.0.polling.set(Some(id));
        if !going_on {
            self.record(id, EventKind::PollStart);
        }
        context::set_going_on(going_on);
        let polled = future.as_mut().poll(&mut Context::from_waker(&waker));
        context::set_going_on(false);
        self.0.polling.set(None);
        let unconsumed = context::take_thrown();
        let paused = context::take_paused();
        match polled {
            Poll::Pending if paused.is_some() => {
                // The line it runs now lights while the page draws.
                if let Some(line) = paused.and_then(|p| p.line).or_else(context::take_line) {
                    self.record(id, EventKind::Line { line });
                }
                let mut tasks = self.0.tasks.borrow_mut();
                match tasks.get_mut(id.0 as usize) {
                    Some(slot) if slot.end.is_none() => {
                        slot.future = Some(future);
                        // A cancellation not taken yet is still to be thrown in.
                        if let Some(thrown) = unconsumed {
                            slot.must_cancel = true;
                            slot.cancel_msg = thrown.msg;
                        }
                        self.hold(Held::Task(id), paused.is_some_and(|p| p.waiting));
                    }
                    _ => {
                        drop(tasks);
                        drop(future);
                    }
                }
            }
            Poll::Pending if unconsumed.is_some() => {
                // Suspended on something that could not raise the cancellation at its await:
                // end the task there (its destructors act as `finally:` blocks).
                if let Some(line) = context::take_line() {
                    self.record(id, EventKind::Line { line });
                }
                self.record(id, EventKind::PollEnd { wait: None });
                self.drop_as(id, future);
                let by = self.cancelled_by(id);
                self.finish(id, End::Cancelled, EventKind::Cancelled { by });
            }
            Poll::Pending => {
                let wait = context::take_wait().unwrap_or(Wait::Unknown);
                if let Some(line) = context::take_line() {
                    self.record(id, EventKind::Line { line });
                }
                self.record(id, EventKind::PollEnd { wait: Some(wait) });
                let waiter = context::take_fut_waiter();
                let owed = {
                    let mut tasks = self.0.tasks.borrow_mut();
                    match tasks.get_mut(id.0 as usize) {
                        Some(slot) if slot.end.is_none() => {
                            slot.future = Some(future);
                            slot.fut_waiter = waiter.clone();
                            slot.must_cancel.then(|| (slot.cancel_msg.clone(), slot.queued))
                        }
                        // The run ended during this poll: the future is dropped below, outside
                        // the borrow.
                        _ => {
                            drop(tasks);
                            drop(future);
                            None
                        }
                    }
                };
                // `cancel()` was called on this task during its own step: as asyncio does right
                // after the step, cancel the future it now waits on.
                if let Some((msg, queued)) = owed {
                    match waiter {
                        Some(w) if w.cancel(msg) => {
                            if let Some(slot) = self.0.tasks.borrow_mut().get_mut(id.0 as usize) {
                                slot.must_cancel = false;
                                slot.cancel_msg = None;
                            }
                        }
                        None if !queued => self.wake(id),
                        _ => {}
                    }
                }
            }
            Poll::Ready(completion) => {
                // The line its code ended at (a Python task's return or raise).
                if let Some(line) = context::take_line() {
                    self.record(id, EventKind::Line { line });
                }
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
                    Completion::Cancelled => {
                        let by = self.cancelled_by(id);
                        self.finish(id, End::Cancelled, EventKind::Cancelled { by });
                    }
                }
            }
        }
    }

    fn cancelled_by(&self, id: TaskId) -> CancelledBy {
        self.0.tasks.borrow().get(id.0 as usize).and_then(|s| s.cancel_by).unwrap_or(CancelledBy::Propagated)
    }

    /// Drops a task's future as that task (its destructors may use the toolbox).
    fn drop_as(&self, id: TaskId, future: TaskFuture) {
        let _entered = context::enter(self, id);
        drop(future);
    }

    fn finish(&self, id: TaskId, end: End, event: EventKind) {
        self.record(id, event);
        let future = {
            let mut tasks = self.0.tasks.borrow_mut();
            let Some(slot) = tasks.get_mut(id.0 as usize) else { return };
            slot.end = Some(end);
            slot.fut_waiter = None;
            slot.future.take()
        };
        // A future still here (a task made after the run ended) is dropped outside the borrow:
        // its destructors may ask the run about other tasks.
        if let Some(future) = future {
            self.drop_as(id, future);
        }
    }

    /// Ends the run: every task still pending is dropped where it waits (cancelled by `by`),
    /// timers and the driver are cleared, listeners told.
    fn end_run(&self, phase: Phase, by: CancelledBy) {
        if phase == Phase::Stuck {
            self.record(TaskId::OUTSIDE, EventKind::Stuck);
        }
        // From here on wakes and callbacks are ignored and new tasks end at once.
        self.0.phase.set(phase);
        self.0.ended_at.set(Some(self.now()));
        self.0.loop_running.set(false);
        // A step stopped mid-way ends where it stands.
        if let Some(Held::Task(id)) = self.0.held.take() {
            self.record(id, EventKind::PollEnd { wait: None });
        }
        let handles: Vec<Handle> = self.0.ready.borrow_mut().drain(..).collect();
        drop(handles);
        self.0.left_in_iteration.set(0);
        let mut i = 0;
        while i < self.0.tasks.borrow().len() {
            let pending = {
                let mut tasks = self.0.tasks.borrow_mut();
                let slot = &mut tasks[i];
                // A task already asked to cancel ends as asked, not as a leftover.
                slot.end.is_none().then(|| (slot.future.take(), slot.cancel_by.unwrap_or(by)))
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
        let timers = self.0.timers.borrow_mut().clear();
        drop(timers);
        let driver = self.0.driver.borrow_mut().take();
        drop(driver);
        self.record(TaskId::OUTSIDE, EventKind::RunEnd);
        self.host_changed();
        let listeners = std::mem::take(&mut *self.0.on_end.borrow_mut());
        listeners.into_iter().for_each(|f| f());
    }

    /// The Stop button: drops every task where it waits, now (no `except` or `finally` code of
    /// a Python task runs: Stop must work even on a program that ignores cancellation).
    pub fn stop(&self) {
        if self.phase() == Phase::Running {
            self.end_run(Phase::Stopped, CancelledBy::Stop);
        }
    }

    /// Nothing ready, no timer: is anything outside still able to wake a task?
    #[cfg(target_arch = "wasm32")]
    fn idle_is_stuck(&self) -> bool {
        self.0.held.get().is_none()
            && self.0.ready.borrow().is_empty()
            && self.0.timers.borrow_mut().next_due().is_none()
            && self.0.outside.get() == 0
    }

    // ----- virtual clock -----------------------------------------------------------------

    /// Runs to the end on the virtual clock, jumping time from timer to timer.
    pub fn run_until_end(&self) {
        self.run_while(|| true);
    }

    /// Runs iterations on the virtual clock while `go_on()` says so (asked between
    /// iterations). Returns true once the run has ended, false if `go_on` stopped it first.
    pub fn run_while(&self, mut go_on: impl FnMut() -> bool) -> bool {
        loop {
            if !self.step_iteration() {
                return true;
            }
            if !go_on() {
                return false;
            }
        }
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

    /// Step mode: runs handles until one task has been polled (moving the clock first if
    /// nothing is ready). Returns false once the run has ended.
    pub fn step(&self) -> bool {
        loop {
            if self.phase() != Phase::Running {
                return false;
            }
            if self.0.left_in_iteration.get() == 0 {
                if !self.advance_virtual_clock() {
                    return false;
                }
                self.begin_iteration();
            }
            let polled = self.run_next() == Some(true);
            if self.0.left_in_iteration.get() == 0 {
                self.end_iteration();
            }
            if polled {
                return self.phase() == Phase::Running;
            }
        }
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
            // CPU time is not counted on the virtual clock, so a task spinning on `sleep(0)`
            // would hold time still and starve every timer. After a long run of busy
            // iterations, time jumps to the next timer anyway (it then fires on time).
            let streak = self.0.busy_streak.get() + 1;
            self.0.busy_streak.set(streak);
            if streak >= BUSY_ITERATIONS_BEFORE_TIME_MOVES {
                self.0.busy_streak.set(0);
                if let Some(due) = self.0.timers.borrow_mut().next_due() {
                    t.set(t.get().max(due));
                }
            }
            return true;
        }
        self.0.busy_streak.set(0);
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

/// On the virtual clock: busy iterations after which time moves to the next timer even
/// though tasks are still ready (a spinner must not stop time).
const BUSY_ITERATIONS_BEFORE_TIME_MOVES: u32 = 1000;

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
