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

    /// False once the waiter was woken and taken out of the line (by `pop_first` or `drain`).
    pub fn contains(&self, place: Option<u64>) -> bool {
        place.is_some_and(|id| self.entries.iter().any(|(i, _)| *i == id))
    }

    /// Takes the first waiter out of the line (asyncio's `_wakeup_next`).
    pub fn pop_first(&mut self) -> Option<Waker> {
        self.entries.pop_front().map(|(_, w)| w)
    }

    pub fn drain(&mut self) -> Vec<Waker> {
        self.entries.drain(..).map(|(_, w)| w).collect()
    }
}

/// Wakes a waker taken out of a line (after the line's borrow has ended).
pub(crate) fn wake(w: Option<Waker>) {
    if let Some(w) = w {
        w.wake();
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Semaphore,
    Lock,
}

/// A task in a semaphore's line; `granted` once a release handed it a permit.
struct Waiter {
    id: u64,
    waker: Waker,
    granted: bool,
}

struct Permits {
    run: WeakRuntime,
    name: Text,
    kind: Kind,
    value: Cell<usize>,
    line: RefCell<VecDeque<Waiter>>,
    next: Cell<u64>,
}

impl Permits {
    /// asyncio's `_wake_up_next`: hands a free permit straight to the first waiter not yet
    /// served, so two releases in one turn wake two waiters.
    fn wake_up_next(&self) -> bool {
        let waker = {
            let mut line = self.line.borrow_mut();
            match line.iter_mut().find(|w| !w.granted) {
                Some(w) if self.value.get() > 0 => {
                    self.value.set(self.value.get() - 1);
                    w.granted = true;
                    Some(w.waker.clone())
                }
                _ => None,
            }
        };
        let woke = waker.is_some();
        wake(waker);
        woke
    }

    /// Wakes as many waiters as there are free permits.
    fn wake_all_allowed(&self) {
        while self.value.get() > 0 && self.wake_up_next() {}
    }

    /// asyncio's `locked()`: no free permit, or others already in line (first come, first served).
    fn locked(&self) -> bool {
        self.value.get() == 0 || self.line.borrow().iter().any(|w| !w.granted)
    }

    fn acquired(self: &Rc<Self>) -> Poll<Permit> {
        let (rt, holder) = inside("acquire");
        rt.record(holder, EventKind::Acquired { what: self.name });
        Poll::Ready(Permit { sem: self.clone(), holder })
    }
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
        line: RefCell::default(),
        next: Cell::new(0),
    }))
}

impl Semaphore {
    pub fn new(value: usize) -> Self {
        permits(Kind::Semaphore, "semaphore", value)
    }

    /// `async with sem:` → `let _permit = sem.acquire().await;`
    pub fn acquire(&self) -> Acquire {
        Acquire { sem: self.0.clone(), place: None }
    }

    /// `sem.locked()`: acquiring now would wait.
    pub fn locked(&self) -> bool {
        self.0.locked()
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
        match this.place {
            None if !s.locked() => {
                s.value.set(s.value.get() - 1);
                return s.acquired();
            }
            None => {
                let id = s.next.get() + 1;
                s.next.set(id);
                s.line.borrow_mut().push_back(Waiter { id, waker: cx.waker().clone(), granted: false });
                this.place = Some(id);
            }
            Some(id) => {
                let mut line = s.line.borrow_mut();
                let Some(i) = line.iter().position(|w| w.id == id) else {
                    // Not in line (cannot happen: only this future removes its entry); rejoin.
                    line.push_back(Waiter { id, waker: cx.waker().clone(), granted: false });
                    return Poll::Pending;
                };
                if line[i].granted {
                    line.remove(i);
                    drop(line);
                    this.place = None;
                    // New waiters may have queued behind: wake as many as may go.
                    s.wake_all_allowed();
                    return s.acquired();
                }
                if !line[i].waker.will_wake(cx.waker()) {
                    line[i].waker = cx.waker().clone();
                }
            }
        }
        note_wait(match s.kind {
            Kind::Semaphore => Wait::Semaphore { name: s.name },
            Kind::Lock => Wait::Lock { name: s.name },
        });
        Poll::Pending
    }
}

impl Drop for Acquire {
    fn drop(&mut self) {
        let Some(id) = self.place.take() else { return };
        let s = &self.sem;
        let granted = {
            let mut line = s.line.borrow_mut();
            let i = line.iter().position(|w| w.id == id);
            i.and_then(|i| line.remove(i)).is_some_and(|w| w.granted)
        };
        // Cancelled after a permit was handed over: give it back to the next in line.
        if granted {
            s.value.set(s.value.get() + 1);
        }
        s.wake_all_allowed();
    }
}

/// A held permit; dropping it gives it back and hands it to the next in line.
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
        s.wake_up_next();
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
        let woken = this.place.is_some() && !this.flag.waiters.borrow().contains(this.place);
        // Woken by set(): done, even if the event was cleared again since (as in asyncio).
        if this.flag.set.get() || woken {
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
