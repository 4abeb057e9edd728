//! `asyncio.Lock`, `Event`, `Condition`, `Semaphore` and `BoundedSemaphore`, ported from CPython
//! 3.11's `asyncio/locks.py`: each waiter waits on a future of its own, in a FIFO line, and is
//! woken by completing that future (so it resumes on the next turn, as in asyncio).
//!
//! In Rust, `async with sem:` becomes `let _permit = sem.acquire().await?;`: the permit gives the
//! slot back when it drops, at the end of the block or when an exception (`?`) leaves it.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use super::future::Fut;
use super::task::inside;
use super::value::{Exception, PyResult};
use crate::runtime::{current, WeakRuntime};
use crate::trace::{EventKind, Text, Wait};

/// A line of waiters, each on its own future (asyncio's `_waiters` deque).
type Line = RefCell<VecDeque<Fut<()>>>;

fn remove(line: &Line, fut: &Fut<()>) {
    let mut l = line.borrow_mut();
    if let Some(i) = l.iter().position(|f| f.same(fut)) {
        l.remove(i);
    }
}

/// Records that the current task took or gave back `what` (the timeline's permits lane).
fn note_holding(run: &WeakRuntime, what: Text, taken: bool) {
    if let (Some(rt), Some((_, me))) = (run.upgrade(), current()) {
        rt.record(me, if taken { EventKind::Acquired { what } } else { EventKind::Released { what } });
    }
}

// ----- Semaphore ---------------------------------------------------------------------------

struct SemState {
    run: WeakRuntime,
    name: Text,
    value: Cell<i64>,
    /// `BoundedSemaphore`'s initial value: releasing above it is an error.
    bound: Option<i64>,
    waiters: Line,
}

/// `asyncio.Semaphore(n)`: at most `n` holders at once; the rest wait in line.
#[derive(Clone)]
pub struct Semaphore(Rc<SemState>);

impl Semaphore {
    pub fn new(value: usize) -> Self {
        Self::make("semaphore", value as i64, None)
    }

    /// A semaphore shown under `name` on the timeline.
    pub fn named(name: &str, value: usize) -> Self {
        Self::make(name, value as i64, None)
    }

    /// `asyncio.BoundedSemaphore(n)`.
    pub fn bounded(name: &str, value: usize) -> Self {
        Self::make(name, value as i64, Some(value as i64))
    }

    fn make(name: &str, value: i64, bound: Option<i64>) -> Self {
        let (rt, me) = inside("Semaphore");
        let name = rt.text(name);
        // The permits lane is drawn on a 0–limit scale.
        rt.record(me, EventKind::Limit { what: name, limit: value.clamp(0, u32::MAX as i64) as u32 });
        Semaphore(Rc::new(SemState {
            run: rt.downgrade(),
            name,
            value: Cell::new(value),
            bound,
            waiters: RefCell::default(),
        }))
    }

    /// `sem.locked()`: acquiring now would wait.
    pub fn locked(&self) -> bool {
        self.0.value.get() == 0 || self.0.waiters.borrow().iter().any(|w| !w.cancelled())
    }

    /// The counter (`sem._value`).
    pub fn value(&self) -> i64 {
        self.0.value.get()
    }

    /// How many wait in line (`len(sem._waiters)`, which its repr shows).
    pub fn waiters(&self) -> usize {
        self.0.waiters.borrow().len()
    }

    /// `async with sem:` → `let _permit = sem.acquire().await?;`
    pub async fn acquire(&self) -> PyResult<Permit> {
        self.acquire_slot().await?;
        Ok(Permit { sem: self.clone() })
    }

    /// `await sem.acquire()`, the slot to be given back with [`Semaphore::release`].
    pub async fn acquire_slot(&self) -> PyResult<()> {
        let s = &self.0;
        if !self.locked() {
            s.value.set(s.value.get() - 1);
            note_holding(&s.run, s.name, true);
            return Ok(());
        }
        let fut = Fut::<()>::on(s.run.clone());
        s.waiters.borrow_mut().push_back(fut.clone());
        let outcome = fut.wait(Wait::Semaphore { name: s.name }).await;
        remove(&s.waiters, &fut);
        if let Err(e) = outcome {
            // Handed a slot just before the cancellation arrived: pass it on.
            if !fut.cancelled() {
                s.value.set(s.value.get().saturating_add(1));
                self.wake_up_next();
            }
            return Err(e);
        }
        if s.value.get() > 0 {
            self.wake_up_next();
        }
        note_holding(&s.run, s.name, true);
        Ok(())
    }

    /// `sem.release()`. A bounded semaphore released more often than acquired raises.
    pub fn release(&self) -> PyResult<()> {
        let s = &self.0;
        if s.bound.is_some_and(|b| s.value.get() >= b) {
            return Err(Exception::value_error("BoundedSemaphore released too many times"));
        }
        // Saturating: a Semaphore(2**63 - 1) released again must not overflow (Python's count
        // would just grow; here it stays at the most an i64 holds).
        s.value.set(s.value.get().saturating_add(1));
        note_holding(&s.run, s.name, false);
        self.wake_up_next();
        Ok(())
    }

    /// `_wake_up_next`: hands the slot straight to the first waiter not yet woken.
    fn wake_up_next(&self) {
        let s = &self.0;
        let next = s.waiters.borrow().iter().find(|f| !f.done()).cloned();
        if let Some(fut) = next {
            s.value.set(s.value.get() - 1);
            fut.set_result(());
        }
    }
}

/// A held slot of a semaphore; dropping it gives it back.
pub struct Permit {
    sem: Semaphore,
}

impl Drop for Permit {
    fn drop(&mut self) {
        // Only a bounded semaphore can refuse, and a permit was taken from it first.
        let _ = self.sem.release();
    }
}

// ----- Lock --------------------------------------------------------------------------------

struct LockState {
    run: WeakRuntime,
    name: Text,
    locked: Cell<bool>,
    waiters: Line,
}

/// `asyncio.Lock()`.
#[derive(Clone)]
pub struct Lock(Rc<LockState>);

impl Lock {
    pub fn new() -> Self {
        Self::named("lock")
    }

    pub fn named(name: &str) -> Self {
        let (rt, me) = inside("Lock");
        let name = rt.text(name);
        rt.record(me, EventKind::Limit { what: name, limit: 1 });
        Lock(Rc::new(LockState { run: rt.downgrade(), name, locked: Cell::new(false), waiters: RefCell::default() }))
    }

    pub fn locked(&self) -> bool {
        self.0.locked.get()
    }

    /// How many wait in line (`len(lock._waiters)`, which its repr shows).
    pub fn waiters(&self) -> usize {
        self.0.waiters.borrow().len()
    }

    /// `async with lock:` → `let _held = lock.acquire().await?;`
    pub async fn acquire(&self) -> PyResult<Held> {
        self.acquire_lock().await?;
        Ok(Held { lock: self.clone() })
    }

    /// `await lock.acquire()`, to be given back with [`Lock::release`].
    pub async fn acquire_lock(&self) -> PyResult<()> {
        let s = &self.0;
        if !s.locked.get() && s.waiters.borrow().iter().all(|w| w.cancelled()) {
            s.locked.set(true);
            note_holding(&s.run, s.name, true);
            return Ok(());
        }
        let fut = Fut::<()>::on(s.run.clone());
        s.waiters.borrow_mut().push_back(fut.clone());
        let outcome = fut.wait(Wait::Lock { name: s.name }).await;
        remove(&s.waiters, &fut);
        if let Err(e) = outcome {
            if !s.locked.get() {
                self.wake_up_first();
            }
            return Err(e);
        }
        s.locked.set(true);
        note_holding(&s.run, s.name, true);
        Ok(())
    }

    /// `lock.release()`.
    pub fn release(&self) -> PyResult<()> {
        let s = &self.0;
        if !s.locked.get() {
            return Err(Exception::new("RuntimeError", "Lock is not acquired."));
        }
        s.locked.set(false);
        note_holding(&s.run, s.name, false);
        self.wake_up_first();
        Ok(())
    }

    fn wake_up_first(&self) {
        let first = self.0.waiters.borrow().front().cloned();
        if let Some(fut) = first {
            if !fut.done() {
                fut.set_result(());
            }
        }
    }
}

impl Default for Lock {
    fn default() -> Self {
        Self::new()
    }
}

/// A held lock; dropping it releases it.
pub struct Held {
    lock: Lock,
}

impl Drop for Held {
    fn drop(&mut self) {
        let _ = self.lock.release();
    }
}

// ----- Event -------------------------------------------------------------------------------

struct Flag {
    run: WeakRuntime,
    name: Text,
    value: Cell<bool>,
    waiters: Line,
}

/// `asyncio.Event()`: tasks wait until someone sets it.
#[derive(Clone)]
pub struct Event(Rc<Flag>);

impl Event {
    pub fn new() -> Self {
        Self::named("event")
    }

    pub fn named(name: &str) -> Self {
        let (rt, _) = inside("Event");
        Event(Rc::new(Flag {
            run: rt.downgrade(),
            name: rt.text(name),
            value: Cell::new(false),
            waiters: RefCell::default(),
        }))
    }

    /// `event.set()`: wakes every waiter.
    pub fn set(&self) {
        if self.0.value.replace(true) {
            return;
        }
        let waiters: Vec<Fut<()>> = self.0.waiters.borrow().iter().cloned().collect();
        for fut in waiters {
            if !fut.done() {
                fut.set_result(());
            }
        }
    }

    pub fn clear(&self) {
        self.0.value.set(false);
    }

    pub fn is_set(&self) -> bool {
        self.0.value.get()
    }

    /// How many wait for it (`len(event._waiters)`, which its repr shows).
    pub fn waiters(&self) -> usize {
        self.0.waiters.borrow().len()
    }

    /// `await event.wait()`
    pub async fn wait(&self) -> PyResult<()> {
        self.wait_as(Wait::Event { name: self.0.name }).await
    }

    /// `await event.wait()`, shown on the timeline as `shown` (a queue's `join()`).
    pub(crate) async fn wait_as(&self, shown: Wait) -> PyResult<()> {
        if self.0.value.get() {
            return Ok(());
        }
        let fut = Fut::<()>::on(self.0.run.clone());
        self.0.waiters.borrow_mut().push_back(fut.clone());
        let outcome = fut.wait(shown).await;
        remove(&self.0.waiters, &fut);
        outcome
    }
}

impl Default for Event {
    fn default() -> Self {
        Self::new()
    }
}

// ----- Condition ---------------------------------------------------------------------------

/// `asyncio.Condition(lock)`: wait until notified, holding the lock around it.
#[derive(Clone)]
pub struct Condition {
    lock: Lock,
    name: Text,
    run: WeakRuntime,
    waiters: Rc<Line>,
}

impl Condition {
    pub fn new(lock: Option<Lock>) -> Self {
        let (rt, _) = inside("Condition");
        let lock = lock.unwrap_or_else(|| Lock::named("condition"));
        Condition { name: rt.text("condition"), run: rt.downgrade(), lock, waiters: Rc::default() }
    }

    pub fn lock(&self) -> &Lock {
        &self.lock
    }

    /// How many wait to be notified (`len(cond._waiters)`, which its repr shows).
    pub fn waiters(&self) -> usize {
        self.waiters.borrow().len()
    }

    /// `await cond.wait()`: releases the lock, waits to be notified, takes the lock back.
    pub async fn wait(&self) -> PyResult<()> {
        if !self.lock.locked() {
            return Err(Exception::new("RuntimeError", "cannot wait on un-acquired lock"));
        }
        self.lock.release()?;
        let fut = Fut::<()>::on(self.run.clone());
        self.waiters.borrow_mut().push_back(fut.clone());
        let outcome = fut.wait(Wait::Event { name: self.name }).await;
        remove(&self.waiters, &fut);
        // finally: take the lock back, even if cancelled meanwhile (then re-raise).
        let mut cancelled = None;
        loop {
            match self.lock.acquire_lock().await {
                Ok(()) => break,
                Err(e) if e.is_cancelled() => cancelled = Some(e),
                Err(e) => return Err(e),
            }
        }
        if let Some(e) = cancelled {
            return Err(e);
        }
        outcome
    }

    /// `cond.notify(n)`
    pub fn notify(&self, n: usize) -> PyResult<()> {
        if !self.lock.locked() {
            return Err(Exception::new("RuntimeError", "cannot notify on un-acquired lock"));
        }
        let waiters: Vec<Fut<()>> = self.waiters.borrow().iter().cloned().collect();
        let mut woken = 0;
        for fut in waiters {
            if woken >= n {
                break;
            }
            if !fut.done() {
                woken += 1;
                fut.set_result(());
            }
        }
        Ok(())
    }

    /// `cond.notify_all()`
    pub fn notify_all(&self) -> PyResult<()> {
        let n = self.waiters.borrow().len();
        self.notify(n)
    }
}
