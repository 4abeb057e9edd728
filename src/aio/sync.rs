//! `asyncio.Semaphore`, `asyncio.Lock` and `asyncio.Event`, plus the FIFO of waiting tasks
//! they (and `Queue`) share.
//!
//! `async with sem:` becomes `let _permit = sem.acquire().await;`: the permit is given back when
//! it drops, which also happens when the task is cancelled while holding it.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use super::task::inside;
use crate::runtime::{note_wait, WeakRuntime};
use crate::trace::{EventKind, TaskId, Text, Wait};

/// Waiting tasks in arrival order. A waiter keeps its place (an id) across polls.
#[derive(Default)]
pub(crate) struct WaitList {
    next: u64,
    entries: VecDeque<(u64, Waker)>,
}

impl WaitList {
    /// Joins the line, or refreshes the waker of a place already held.
    pub fn register(&mut self, place: &mut Option<u64>, waker: &Waker) {
        if let Some(id) = *place {
            if let Some((_, w)) = self.entries.iter_mut().find(|(i, _)| *i == id) {
                if !w.will_wake(waker) {
                    *w = waker.clone();
                }
                return;
            }
        }
        self.next += 1;
        self.entries.push_back((self.next, waker.clone()));
        *place = Some(self.next);
    }

    pub fn remove(&mut self, place: &mut Option<u64>) {
        if let Some(id) = place.take() {
            self.entries.retain(|(i, _)| *i != id);
        }
    }

    pub fn is_first(&self, place: Option<u64>) -> bool {
        match self.entries.front() {
            None => true,
            Some((id, _)) => Some(*id) == place,
        }
    }

    /// Wakes the first waiter, who keeps its place until it gets what it waits for.
    pub fn wake_first(&self) -> Option<Waker> {
        self.entries.front().map(|(_, w)| w.clone())
    }

    /// Takes the first waiter out of the line (asyncio's `_wakeup_next`).
    pub fn pop_first(&mut self) -> Option<Waker> {
        self.entries.pop_front().map(|(_, w)| w)
    }

    pub fn drain(&mut self) -> Vec<Waker> {
        self.entries.drain(..).map(|(_, w)| w).collect()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }
}

fn wake(w: Option<Waker>) {
    if let Some(w) = w {
        w.wake();
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Semaphore,
    Lock,
}

struct Permits {
    run: WeakRuntime,
    name: Text,
    kind: Kind,
    value: Cell<usize>,
    waiters: RefCell<WaitList>,
}

/// `asyncio.Semaphore(n)`: at most `n` holders at once; the rest wait in line.
#[derive(Clone)]
pub struct Semaphore(Rc<Permits>);

/// `asyncio.Lock()`: a semaphore of one, shown as a lock.
#[derive(Clone)]
pub struct Lock(Semaphore);

fn permits(kind: Kind, name: &str, value: usize) -> Semaphore {
    let (rt, _) = inside(name);
    Semaphore(Rc::new(Permits {
        name: rt.text(name),
        run: rt.downgrade(),
        kind,
        value: Cell::new(value),
        waiters: RefCell::default(),
    }))
}

impl Semaphore {
    pub fn new(value: usize) -> Self {
        Self::named("semaphore", value)
    }

    /// A semaphore shown under `name` on the timeline.
    pub fn named(name: &str, value: usize) -> Self {
        permits(Kind::Semaphore, name, value)
    }

    /// `async with sem:` → `let _permit = sem.acquire().await;`
    pub fn acquire(&self) -> Acquire {
        Acquire { sem: self.0.clone(), place: None }
    }

    /// `sem.locked()`: no permit is free right now.
    pub fn locked(&self) -> bool {
        self.0.value.get() == 0
    }

    /// Tasks waiting in line.
    pub fn waiting(&self) -> usize {
        self.0.waiters.borrow().len()
    }
}

impl Lock {
    pub fn new() -> Self {
        Lock(permits(Kind::Lock, "lock", 1))
    }

    pub fn acquire(&self) -> Acquire {
        self.0.acquire()
    }

    pub fn locked(&self) -> bool {
        self.0.locked()
    }
}

impl Default for Lock {
    fn default() -> Self {
        Self::new()
    }
}

#[must_use = "acquire does nothing unless awaited"]
pub struct Acquire {
    sem: Rc<Permits>,
    place: Option<u64>,
}

impl Future for Acquire {
    type Output = Permit;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Permit> {
        let this = &mut *self;
        let s = &this.sem;
        let mut waiters = s.waiters.borrow_mut();
        if s.value.get() > 0 && waiters.is_first(this.place) {
            s.value.set(s.value.get() - 1);
            waiters.remove(&mut this.place);
            // More permits free (several released at once)? Let the next in line try too.
            let next = if s.value.get() > 0 { waiters.wake_first() } else { None };
            drop(waiters);
            wake(next);
            let (rt, holder) = inside("acquire");
            rt.record(holder, EventKind::Acquired { what: s.name });
            return Poll::Ready(Permit { sem: s.clone(), holder });
        }
        waiters.register(&mut this.place, cx.waker());
        note_wait(match s.kind {
            Kind::Semaphore => Wait::Semaphore { name: s.name },
            Kind::Lock => Wait::Lock { name: s.name },
        });
        Poll::Pending
    }
}

impl Drop for Acquire {
    fn drop(&mut self) {
        if self.place.is_some() {
            let mut waiters = self.sem.waiters.borrow_mut();
            waiters.remove(&mut self.place);
            let next = if self.sem.value.get() > 0 { waiters.wake_first() } else { None };
            drop(waiters);
            wake(next);
        }
    }
}

/// A held permit; dropping it gives it back and wakes the next in line.
pub struct Permit {
    sem: Rc<Permits>,
    holder: TaskId,
}

impl Drop for Permit {
    fn drop(&mut self) {
        let s = &self.sem;
        s.value.set(s.value.get() + 1);
        if let Some(rt) = s.run.upgrade() {
            rt.record(self.holder, EventKind::Released { what: s.name });
        }
        let next = s.waiters.borrow().wake_first();
        wake(next);
    }
}

struct Flag {
    name: Text,
    set: Cell<bool>,
    waiters: RefCell<WaitList>,
}

/// `asyncio.Event()`: tasks wait until someone sets it.
#[derive(Clone)]
pub struct Event(Rc<Flag>);

impl Event {
    pub fn new() -> Self {
        Self::named("event")
    }

    pub fn named(name: &str) -> Self {
        let (rt, _) = inside(name);
        Event(Rc::new(Flag { name: rt.text(name), set: Cell::new(false), waiters: RefCell::default() }))
    }

    /// `event.set()`: wakes every waiter.
    pub fn set(&self) {
        self.0.set.set(true);
        let all = self.0.waiters.borrow_mut().drain();
        all.into_iter().for_each(Waker::wake);
    }

    pub fn clear(&self) {
        self.0.set.set(false);
    }

    pub fn is_set(&self) -> bool {
        self.0.set.get()
    }

    /// `await event.wait()`
    pub fn wait(&self) -> EventWait {
        EventWait { flag: self.0.clone(), place: None }
    }
}

impl Default for Event {
    fn default() -> Self {
        Self::new()
    }
}

#[must_use = "wait does nothing unless awaited"]
pub struct EventWait {
    flag: Rc<Flag>,
    place: Option<u64>,
}

impl Future for EventWait {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = &mut *self;
        if this.flag.set.get() {
            this.flag.waiters.borrow_mut().remove(&mut this.place);
            return Poll::Ready(());
        }
        this.flag.waiters.borrow_mut().register(&mut this.place, cx.waker());
        note_wait(Wait::Event { name: this.flag.name });
        Poll::Pending
    }
}

impl Drop for EventWait {
    fn drop(&mut self) {
        self.flag.waiters.borrow_mut().remove(&mut self.place);
    }
}
